/**
 * The parsed form of a kubectl JSONPath template (client-go util/jsonpath): literal text, actions
 * `{...}` made of steps, and `{range ...}...{end}` blocks.
 */

/** One bound of a slice `[start:end:step]`, as client-go's ParamsEntry. */
export interface SliceParam {
  /** Written in the template (or derived); an unknown start is 0, an unknown end is the length. */
  readonly known: boolean;
  readonly value: number;
  /** The end of `[n]`, computed as n+1 at parse time (so `[-1]` ends at the length). */
  readonly derived: boolean;
}

export type FilterOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type Step =
  /** `.name`, `['name']`, `["name"]`: the value of a key of an object. */
  | { readonly kind: 'field'; readonly name: string }
  /** `.*`: every value of an object (sorted by key) or array. */
  | { readonly kind: 'wildcard' }
  /** `..`: every object/array with children, depth first, the value itself first. */
  | { readonly kind: 'recursive' }
  /** `[n]`, `[a:b]`, `[a:b:c]`, `[*]`. */
  | { readonly kind: 'slice'; readonly params: readonly [SliceParam, SliceParam, SliceParam] }
  /** `[a,b]`: the results of each branch, one branch after the other. */
  | { readonly kind: 'union'; readonly branches: readonly (readonly Step[])[] }
  /** `[?(@.x == "y")]` and `[?(@.x)]` (operator 'exists'). */
  | {
      readonly kind: 'filter';
      readonly left: readonly Step[];
      readonly operator: FilterOperator | 'exists';
      readonly right: readonly Step[];
    }
  /** A quoted string inside an action, e.g. {"\n"}. */
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean };

export type Segment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'action'; readonly steps: readonly Step[] }
  | { readonly kind: 'range'; readonly steps: readonly Step[]; readonly body: readonly Segment[] };

export interface JsonPathTemplate {
  readonly source: string;
  readonly segments: readonly Segment[];
}

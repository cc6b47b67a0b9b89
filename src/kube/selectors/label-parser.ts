/**
 * Parser of label selector strings (labels.Parse): a comma-separated AND of requirements
 *
 *   <requirement> ::= [!] KEY [ ("in" | "notin") "(" VALUES ")" | ("=" | "==" | "!=" | ">" | "<") VALUE ]
 *
 * Values of in/notin are deduplicated and sorted, and the result is sorted by key, as apimachinery does.
 * Errors read like apimachinery's: `unable to parse requirement: ...`, `found 'x', expected: ...`.
 */
import { SelectorError } from './errors.ts';
import { lexLabelSelector, type LabelToken, type LabelTokenKind } from './label-lexer.ts';
import {
  compareStrings,
  labelKeyError,
  newLabelRequirement,
  sortByKey,
  type LabelOperator,
  type LabelRequirement,
} from './label-requirement.ts';

const BINARY_OPERATORS = 'in, notin, =, ==, !=, gt, lt';

/** A failure inside one requirement; the caller prefixes it with `unable to parse requirement: `. */
class RequirementError extends Error {}

class Parser {
  private position = 0;
  constructor(private readonly tokens: readonly LabelToken[]) {}

  /** In value position the keywords in/notin are plain identifiers (`x in (in)`). */
  private peek(asValue = true): LabelToken {
    return this.asValue(this.tokens[this.position]!, asValue);
  }

  private next(asValue = true): LabelToken {
    return this.asValue(this.tokens[this.position++]!, asValue);
  }

  private asValue(tok: LabelToken, asValue: boolean): LabelToken {
    return asValue && (tok.kind === 'in' || tok.kind === 'notin') ? { kind: 'identifier', literal: tok.literal } : tok;
  }

  parse(): LabelRequirement[] {
    const reqs: LabelRequirement[] = [];
    for (;;) {
      const tok = this.peek();
      if (tok.kind === 'end') return reqs;
      if (tok.kind !== 'identifier' && tok.kind !== '!') {
        throw new SelectorError(`found '${tok.literal}', expected: !, identifier, or 'end of string'`);
      }
      try {
        reqs.push(this.requirement());
      } catch (err) {
        const msg = err instanceof RequirementError || err instanceof SelectorError ? err.message : String(err);
        throw new SelectorError(`unable to parse requirement: ${msg}`);
      }
      const after = this.next();
      if (after.kind === 'end') return reqs;
      if (after.kind !== ',') throw new SelectorError(`found '${after.literal}', expected: ',' or 'end of string'`);
      const following = this.peek();
      if (following.kind !== 'identifier' && following.kind !== '!') {
        throw new SelectorError(`found '${following.literal}', expected: identifier after ','`);
      }
    }
  }

  private requirement(): LabelRequirement {
    let negated = false;
    let tok = this.next();
    if (tok.kind === '!') {
      negated = true;
      tok = this.next();
    }
    if (tok.kind !== 'identifier') throw new RequirementError(`found '${tok.literal}', expected: identifier`);
    const key = tok.literal;
    const keyErr = labelKeyError(key, '<nil>');
    if (keyErr) throw new RequirementError(keyErr);

    // `!key` takes no operator; whatever follows it is reported by the caller.
    if (negated) return newLabelRequirement(key, '!', []);
    const ahead = this.peek().kind;
    if (ahead === 'end' || ahead === ',') return newLabelRequirement(key, 'exists', []);
    const op = this.operator();
    const values = op === 'in' || op === 'notin' ? this.valueSet() : [this.exactValue()];
    return newLabelRequirement(key, op, values);
  }

  private operator(): LabelOperator {
    const tok = this.next(false);
    const ops: Partial<Record<LabelTokenKind, LabelOperator>> = {
      in: 'in',
      notin: 'notin',
      '=': '=',
      '==': '==',
      '!=': '!=',
      '>': 'gt',
      '<': 'lt',
    };
    const op = ops[tok.kind];
    if (op === undefined) throw new RequirementError(`found '${tok.literal}', expected: ${BINARY_OPERATORS}`);
    return op;
  }

  /** `( a, b, , c )` — empty entries stand for the empty value; result sorted and deduplicated. */
  private valueSet(): string[] {
    const open = this.next();
    if (open.kind !== '(') throw new RequirementError(`found '${open.literal}' expected: '('`);
    const first = this.peek();
    if (first.kind === ')') {
      this.next();
      return [''];
    }
    if (first.kind !== 'identifier' && first.kind !== ',') {
      throw new RequirementError(`found '${first.literal}', expected: ',', ')' or identifier`);
    }
    const values = new Set<string>();
    for (;;) {
      const tok = this.next();
      if (tok.kind === 'identifier') {
        values.add(tok.literal);
        const after = this.peek();
        if (after.kind === ',') continue;
        if (after.kind === ')') break;
        throw new RequirementError(`found '${after.literal}', expected: ',' or ')'`);
      }
      if (tok.kind === ',') {
        if (values.size === 0) values.add('');
        const after = this.peek();
        if (after.kind === ')') {
          values.add('');
          break;
        }
        if (after.kind === ',') {
          this.next();
          values.add('');
        }
        continue;
      }
      throw new RequirementError(`found '${tok.literal}', expected: ',', or identifier`);
    }
    const close = this.next();
    if (close.kind !== ')') throw new RequirementError(`found '${close.literal}', expected: ')'`);
    return [...values].sort(compareStrings);
  }

  /** The single value after =, ==, !=, >, <; nothing (end or comma) means the empty value. */
  private exactValue(): string {
    const ahead = this.peek();
    if (ahead.kind === 'end' || ahead.kind === ',') return '';
    const tok = this.next();
    if (tok.kind !== 'identifier') throw new RequirementError(`found '${tok.literal}', expected: identifier`);
    return tok.literal;
  }
}

/** Parses a label selector string; the empty string gives no requirements (matches everything). */
export function parseLabelSelector(selector: string): LabelRequirement[] {
  return sortByKey(new Parser(lexLabelSelector(selector)).parse());
}

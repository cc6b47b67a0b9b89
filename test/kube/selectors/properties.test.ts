import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1.js';
import {
  formatFieldRequirements,
  formatLabelRequirements,
  labelSelectorToRequirements,
  matchesLabels,
  matchesLabelSelector,
  parseFieldSelector,
  parseLabelSelector,
  type FieldRequirement,
  type LabelOperator,
  type LabelRequirement,
} from '../../../src/kube/selectors/index.ts';

const byKey = (a: { key: string }, b: { key: string }): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

const labelName = fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,8}[A-Za-z0-9])?$/);
const dnsPrefix = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,4}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,4}[a-z0-9])?){0,2}$/);
const labelKey = fc.oneof(
  labelName,
  fc.tuple(dnsPrefix, labelName).map(([p, n]) => `${p}/${n}`),
  fc.constantFrom('in', 'notin', 'app', 'app.kubernetes.io/name'),
);
const labelValue = fc.oneof(fc.constant(''), labelName, fc.constantFrom('in', 'notin'));
const intValue = fc.integer({ min: 0, max: 1_000_000 }).map(String);

const requirement: fc.Arbitrary<LabelRequirement> = fc.oneof(
  fc.tuple(labelKey, fc.constantFrom<LabelOperator>('=', '==', '!='), labelValue).map(([key, operator, v]) => ({ key, operator, values: [v] })),
  fc.tuple(labelKey, fc.constantFrom<LabelOperator>('in', 'notin'), fc.uniqueArray(labelValue, { minLength: 1, maxLength: 4 })).map(
    ([key, operator, values]) => ({ key, operator, values: [...values].sort() }),
  ),
  fc.tuple(labelKey, fc.constantFrom<LabelOperator>('exists', '!')).map(([key, operator]) => ({ key, operator, values: [] })),
  fc.tuple(labelKey, fc.constantFrom<LabelOperator>('gt', 'lt'), intValue).map(([key, operator, v]) => ({ key, operator, values: [v] })),
);

describe('label selector properties', () => {
  it('parse(format(reqs)) gives back the requirements, sorted by key, and format is a fixed point', () => {
    fc.assert(
      fc.property(fc.array(requirement, { maxLength: 6 }), (reqs) => {
        const text = formatLabelRequirements(reqs);
        const parsed = parseLabelSelector(text);
        assert.deepEqual(parsed, [...reqs].sort(byKey));
        assert.equal(formatLabelRequirements(parsed), text);
      }),
      { numRuns: 500 },
    );
  });

  /** The requirement with whitespace `ws` around every token (and at least one where a separator is needed). */
  function spaced(r: LabelRequirement, ws: string): string {
    const list = (): string => `(${ws}${[...new Set(r.values)].join(`${ws},${ws}`)}${ws})`;
    switch (r.operator) {
      case 'exists':
        return `${ws}${r.key}${ws}`;
      case '!':
        return `${ws}!${ws}${r.key}${ws}`;
      case 'in':
      case 'notin':
        return `${ws}${r.key} ${ws}${r.operator}${ws}${list()}${ws}`;
      case 'gt':
        return `${ws}${r.key}${ws}>${ws}${r.values[0]}${ws}`;
      case 'lt':
        return `${ws}${r.key}${ws}<${ws}${r.values[0]}${ws}`;
      default:
        return `${ws}${r.key}${ws}${r.operator}${ws}${r.values[0]}${ws}`;
    }
  }

  it('whitespace between tokens does not change the result', () => {
    const ws = fc.constantFrom('', ' ', '  ', '\t', ' \n ', '\r\n');
    fc.assert(
      fc.property(fc.array(requirement, { minLength: 1, maxLength: 4 }), ws, (reqs, w) => {
        const text = reqs.map((r) => spaced(r, w)).join(',');
        assert.deepEqual(parseLabelSelector(text), [...reqs].sort(byKey));
      }),
      { numRuns: 300 },
    );
  });

  const smallKey = fc.constantFrom('app', 'tier', 'env', 'example.com/team');
  const smallValue = fc.constantFrom('', 'a', 'b', 'c');
  const labelMap = fc.dictionary(smallKey, smallValue, { maxKeys: 4 });
  const expression: fc.Arbitrary<LabelSelectorRequirement> = fc.oneof(
    fc.record({ key: smallKey, operator: fc.constantFrom('In', 'NotIn'), values: fc.array(smallValue, { minLength: 1, maxLength: 3 }) }),
    fc.record({ key: smallKey, operator: fc.constantFrom('Exists', 'DoesNotExist') }),
  );
  const selector: fc.Arbitrary<LabelSelector> = fc.record(
    { matchLabels: fc.dictionary(smallKey, smallValue, { maxKeys: 2 }), matchExpressions: fc.array(expression, { maxLength: 3 }) },
    { requiredKeys: [] },
  );

  /** metav1 semantics written out directly, without requirements. */
  function direct(sel: LabelSelector, labels: Record<string, string>): boolean {
    const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(labels, k);
    for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (!has(k) || labels[k] !== v) return false;
    for (const e of sel.matchExpressions ?? []) {
      const values = e.values ?? [];
      const ok =
        e.operator === 'In'
          ? has(e.key) && values.includes(labels[e.key]!)
          : e.operator === 'NotIn'
            ? !has(e.key) || !values.includes(labels[e.key]!)
            : e.operator === 'Exists'
              ? has(e.key)
              : !has(e.key);
      if (!ok) return false;
    }
    return true;
  }

  it('labelSelectorToRequirements agrees with direct evaluation of matchLabels/matchExpressions', () => {
    fc.assert(
      fc.property(selector, labelMap, (sel, labels) => {
        const want = direct(sel, labels);
        assert.equal(matchesLabels(labelSelectorToRequirements(sel), labels), want);
        assert.equal(matchesLabelSelector(sel, labels), want);
        // The string form selects the same objects as the structured form.
        assert.equal(matchesLabels(parseLabelSelector(formatLabelRequirements(labelSelectorToRequirements(sel))), labels), want);
      }),
      { numRuns: 1000 },
    );
  });

  it('the parser only ever throws SelectorError', () => {
    const alphabet = fc.constantFrom('a', 'b', '/', '.', '-', '=', '!', '(', ')', ',', ' ', '<', '>', 'in', 'notin', '1', '\t', 'é', '\0');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }).map((a) => a.join('')), (s) => {
        try {
          parseLabelSelector(s);
        } catch (err) {
          assert.equal((err as Error).name, 'SelectorError');
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('field selector properties', () => {
  const fieldPath = fc.stringMatching(/^[a-z][a-zA-Z]{0,6}(\.[a-z][a-zA-Z]{0,6}){0,2}$/);
  const value = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '-', '.', '\\', ',', '=', ' ', '/'), maxLength: 8 });
  const req: fc.Arbitrary<FieldRequirement> = fc.record({ field: fieldPath, operator: fc.constantFrom<'=' | '!='>('=', '!='), value });

  it('parse(format(reqs)) gives back the same set of requirements, whatever the value contains', () => {
    fc.assert(
      fc.property(fc.array(req, { maxLength: 5 }), (reqs) => {
        const text = formatFieldRequirements(reqs);
        const parsed = parseFieldSelector(text);
        assert.equal(formatFieldRequirements(parsed), text);
        const key = (r: FieldRequirement): string => JSON.stringify([r.field, r.operator, r.value]);
        assert.deepEqual(parsed.map(key).sort(), reqs.map(key).sort());
      }),
      { numRuns: 500 },
    );
  });
});

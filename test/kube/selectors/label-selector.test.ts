import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { LabelSelector } from 'kubernetes-types/meta/v1.js';
import {
  formatLabelSelector,
  labelSelectorToRequirements,
  labelSelectorToString,
  matchesLabelSelector,
  SelectorError,
} from '../../../src/kube/selectors/index.ts';

describe('labelSelectorToRequirements / labelSelectorToString', () => {
  const cases: Array<[LabelSelector, string]> = [
    [{}, ''],
    [{ matchLabels: {}, matchExpressions: [] }, ''],
    [{ matchLabels: { b: '2', a: '1' } }, 'a=1,b=2'],
    [{ matchLabels: { a: '' } }, 'a='],
    [{ matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }] }, 'env in (dev,prod)'],
    [{ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, 'env notin (prod)'],
    [{ matchExpressions: [{ key: 'env', operator: 'Exists' }] }, 'env'],
    [{ matchExpressions: [{ key: 'env', operator: 'DoesNotExist', values: [] }] }, '!env'],
    [
      {
        matchLabels: { app: 'web' },
        matchExpressions: [
          { key: 'tier', operator: 'In', values: ['fe'] },
          { key: 'canary', operator: 'DoesNotExist' },
        ],
      },
      'app=web,!canary,tier in (fe)',
    ],
  ];
  for (const [sel, want] of cases) {
    it(JSON.stringify(sel), () => {
      assert.equal(labelSelectorToString(sel), want);
      assert.equal(formatLabelSelector(sel), want || '<none>');
    });
  }

  it('keeps matchExpressions values as written but prints them sorted and deduplicated', () => {
    const reqs = labelSelectorToRequirements({ matchExpressions: [{ key: 'a', operator: 'In', values: ['y', 'x', 'y'] }] });
    assert.deepEqual(reqs, [{ key: 'a', operator: 'in', values: ['y', 'x', 'y'] }]);
    assert.equal(labelSelectorToString({ matchExpressions: [{ key: 'a', operator: 'In', values: ['y', 'x', 'y'] }] }), 'a in (x,y)');
  });

  it('prints nothing for a null selector, and formatLabelSelector says <none>', () => {
    assert.equal(labelSelectorToString(null), '');
    assert.equal(labelSelectorToString(undefined), '');
    assert.equal(formatLabelSelector(null), '<none>');
  });

  const errors: Array<[LabelSelector, string]> = [
    [{ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }, "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty"],
    [{ matchExpressions: [{ key: 'a', operator: 'NotIn' }] }, "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty"],
    [{ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }, 'values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist'],
    [{ matchExpressions: [{ key: 'a', operator: 'DoesNotExist', values: ['x', 'y'] }] }, 'values: Invalid value: []string{"x", "y"}: values set must be empty for exists and does not exist'],
    [{ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }, '"Gt" is not a valid label selector operator'],
    [{ matchExpressions: [{ key: 'a', operator: 'in', values: ['1'] }] }, '"in" is not a valid label selector operator'],
    [{ matchExpressions: [{ key: 'a', operator: 'toString', values: ['1'] }] }, '"toString" is not a valid label selector operator'],
    [{ matchLabels: { 'bad key': 'v' } }, 'key: Invalid value: "bad key": name part must consist of alphanumeric characters, \'-\', \'_\' or \'.\', and must start and end with an alphanumeric character (e.g. \'MyName\',  or \'my.name\',  or \'123-abc\', regex used for validation is \'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]\')'],
    [
      { matchExpressions: [{ key: '', operator: 'In', values: [] }] },
      "[key: Invalid value: \"\": name part must be non-empty; name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'), values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty]",
    ],
  ];
  for (const [sel, message] of errors) {
    it(`rejects ${JSON.stringify(sel)}`, () => {
      assert.throws(() => labelSelectorToRequirements(sel), (err: unknown) => err instanceof SelectorError && err.message === message);
      assert.throws(() => labelSelectorToString(sel), SelectorError);
      assert.throws(() => matchesLabelSelector(sel, {}), SelectorError);
      assert.equal(formatLabelSelector(sel), '<error>');
    });
  }
});

describe('matchesLabelSelector', () => {
  const pod = { app: 'web', 'rollouts-pod-template-hash': 'abc123' };
  it('a null or undefined selector matches nothing', () => {
    assert.equal(matchesLabelSelector(null, pod), false);
    assert.equal(matchesLabelSelector(undefined, pod), false);
    assert.equal(matchesLabelSelector(undefined, undefined), false);
  });
  it('an empty selector matches everything, even objects without labels', () => {
    assert.equal(matchesLabelSelector({}, pod), true);
    assert.equal(matchesLabelSelector({ matchLabels: {} }, undefined), true);
  });
  const cases: Array<[LabelSelector, boolean]> = [
    [{ matchLabels: { app: 'web' } }, true],
    [{ matchLabels: { app: 'web', 'rollouts-pod-template-hash': 'abc123' } }, true],
    [{ matchLabels: { app: 'web', 'rollouts-pod-template-hash': 'other' } }, false],
    [{ matchExpressions: [{ key: 'app', operator: 'In', values: ['api', 'web'] }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'NotIn', values: ['web'] }] }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['web'] }] }, true],
    [{ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, true],
    [{ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, false],
    [{ matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, true],
    [{ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, false],
  ];
  for (const [sel, want] of cases) {
    it(`${JSON.stringify(sel)} → ${want}`, () => assert.equal(matchesLabelSelector(sel, pod), want));
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatLabels,
  formatLabelSelector,
  labelSelectorToString,
  scaleSelectorString,
  selectorMatches,
} from '../../../../src/cluster/apiserver/resources/builtin/label-selector.ts';

const sel = {
  matchLabels: { tier: 'fe', app: 'web' },
  matchExpressions: [
    { key: 'env', operator: 'In', values: ['prod', 'dev'] },
    { key: 'zone', operator: 'NotIn', values: ['b'] },
    { key: 'canary', operator: 'DoesNotExist' },
    { key: 'team', operator: 'Exists' },
  ],
};

test('selector string: requirements sorted by key, values sorted', () => {
  assert.equal(labelSelectorToString(sel), 'app=web,!canary,env in (dev,prod),team,tier=fe,zone notin (b)');
  assert.equal(labelSelectorToString(undefined), '');
  assert.equal(labelSelectorToString({}), '');
  assert.equal(labelSelectorToString({ matchExpressions: [{ key: 'a', operator: 'Bad' }] }), undefined);
  assert.equal(formatLabelSelector({}), '<none>');
  assert.equal(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] }), '<error>');
  assert.equal(scaleSelectorString({ matchLabels: { app: 'web' } }), 'app=web');
  assert.equal(scaleSelectorString('app=web,pod-template-hash=abc'), 'app=web,pod-template-hash=abc');
  assert.equal(formatLabels({ b: '2', a: '1' }), 'a=1,b=2');
  assert.equal(formatLabels(undefined), '<none>');
});

test('selector matching', () => {
  const labels = { app: 'web', tier: 'fe', env: 'prod', team: 'x' };
  assert.equal(selectorMatches(sel, labels), true);
  assert.equal(selectorMatches(sel, { ...labels, zone: 'b' }), false);
  assert.equal(selectorMatches(sel, { ...labels, canary: 'true' }), false);
  assert.equal(selectorMatches(sel, { ...labels, env: 'qa' }), false);
  assert.equal(selectorMatches(undefined, labels), false, 'a nil selector selects nothing');
  assert.equal(selectorMatches({}, labels), true, 'an empty selector selects everything');
});

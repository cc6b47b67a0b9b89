import { test } from 'node:test';
import assert from 'node:assert/strict';
import { intOrPercentValue, parseIntOrPercent, resolveIntOrPercent } from '../../src/api/intstr.ts';
import { parseGoDuration, pauseDurationSeconds } from '../../src/api/duration.ts';

test('intstr: a string is always a percentage, with or without %', () => {
  assert.deepEqual(parseIntOrPercent('25'), { ok: true, value: 25, isPercent: true });
  assert.deepEqual(parseIntOrPercent('25%'), { ok: true, value: 25, isPercent: true });
  assert.deepEqual(parseIntOrPercent(3), { ok: true, value: 3, isPercent: false });
  assert.equal(parseIntOrPercent('abc').ok, false);
  assert.equal(parseIntOrPercent(1.5).ok, false);
  assert.equal(intOrPercentValue('0%'), 0);
});

const resolveRows: Array<[value: number | string, total: number, roundUp: boolean, expected: number]> = [
  ['25', 10, true, 3],
  ['25', 10, false, 2],
  ['25%', 4, true, 1],
  ['25%', 3, false, 0],
  ['100%', 7, true, 7],
  ['0%', 10, true, 0],
  [5, 10, true, 5],
  [5, 10, false, 5],
  ['33%', 10, true, 4],
  ['33%', 10, false, 3],
];
for (const [v, total, up, expected] of resolveRows) {
  test(`intstr: resolve ${JSON.stringify(v)} of ${total} round ${up ? 'up' : 'down'} = ${expected}`, () => {
    assert.equal(resolveIntOrPercent(v, total, up), expected);
  });
}

const durations: Array<[string, number | undefined]> = [
  ['30s', 30_000],
  ['5m', 300_000],
  ['1h', 3_600_000],
  ['1h30m', 5_400_000],
  ['500ms', 500],
  ['1.5h', 5_400_000],
  ['0', 0],
  ['-1m', -60_000],
  ['10', undefined],
  ['10d', undefined],
  ['', undefined],
];
for (const [s, ms] of durations) {
  test(`duration: parseGoDuration(${JSON.stringify(s)})`, () => assert.equal(parseGoDuration(s), ms));
}

const pauses: Array<[number | string | undefined, number]> = [
  [undefined, 0],
  [10, 10],
  ['10', 10],
  ['10s', 10],
  ['10m', 600],
  ['1h', 3600],
  ['1500ms', 1],
  ['10x', -1],
  ['abc', -1],
];
for (const [d, s] of pauses) {
  test(`duration: pause ${JSON.stringify(d)} = ${s}s`, () => assert.equal(pauseDurationSeconds(d), s));
}

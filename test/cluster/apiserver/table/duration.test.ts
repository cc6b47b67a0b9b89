import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ageSince, humanDuration, shortHumanDuration } from '../../../../src/cluster/apiserver/table/duration.ts';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;
const Y = 365 * D;

// apimachinery/pkg/util/duration TestHumanDuration, plus boundaries.
const HUMAN: Array<[number, string]> = [
  [-2 * S, '<invalid>'],
  [-1999, '0s'],
  [-1 * S, '0s'],
  [-500, '0s'],
  [0, '0s'],
  [999, '0s'],
  [1 * S, '1s'],
  [70 * S, '70s'],
  [119 * S + 999, '119s'],
  [2 * M, '2m'],
  [3 * M + 20 * S, '3m20s'],
  [9 * M + 59 * S, '9m59s'],
  [10 * M, '10m'],
  [10 * M + 30 * S, '10m'],
  [179 * M, '179m'],
  [3 * H, '3h'],
  [3 * H + 59 * M, '3h59m'],
  [7 * H + 59 * M, '7h59m'],
  [8 * H, '8h'],
  [8 * H + 59 * M, '8h'],
  [47 * H + 59 * M, '47h'],
  [48 * H, '2d'],
  [48 * H + 59 * M, '2d'],
  [2 * D + 3 * H, '2d3h'],
  [7 * D + 23 * H, '7d23h'],
  [8 * D, '8d'],
  [367 * D, '367d'],
  [2 * Y - 1 * S, '729d'],
  [2 * Y, '2y'],
  [2 * Y + 30 * D, '2y30d'],
  [7 * Y + 364 * D, '7y364d'],
  [8 * Y, '8y'],
  [8 * Y + 200 * D, '8y'],
  [100 * Y, '100y'],
];

const SHORT: Array<[number, string]> = [
  [-2 * S, '<invalid>'],
  [-1 * S, '0s'],
  [59 * S, '59s'],
  [60 * S, '1m'],
  [59 * M, '59m'],
  [60 * M, '1h'],
  [23 * H, '23h'],
  [24 * H, '1d'],
  [364 * D, '364d'],
  [365 * D, '1y'],
];

test('HumanDuration matches apimachinery', () => {
  for (const [ms, want] of HUMAN) assert.equal(humanDuration(ms), want, `${ms}ms`);
});

test('ShortHumanDuration matches apimachinery', () => {
  for (const [ms, want] of SHORT) assert.equal(shortHumanDuration(ms), want, `${ms}ms`);
});

test('HumanDuration is monotone in its leading unit and never empty (property)', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 20 * Y }), (ms) => {
      const out = humanDuration(ms);
      assert.match(out, /^(\d+[smhdy])+$/);
    }),
  );
});

test('ageSince: unset, zero and invalid timestamps are <unknown>', () => {
  const now = new Date('2024-05-01T12:00:00Z');
  assert.equal(ageSince('2024-05-01T11:56:40Z', now), '3m20s');
  assert.equal(ageSince('2024-05-01T13:56:40+02:00', now), '3m20s');
  assert.equal(ageSince('2024-05-01T11:59:59.500000Z', now), '0s');
  assert.equal(ageSince(undefined, now), '<unknown>');
  assert.equal(ageSince('0001-01-01T00:00:00Z', now), '<unknown>');
  assert.equal(ageSince('yesterday', now), '<unknown>');
  assert.equal(ageSince('2024-05-01T12:00:05Z', now), '<invalid>');
});

/** Go text/tabwriter semantics (padding 2, ANSI-insensitive widths) and apimachinery HumanDuration. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tabwrite } from '../../src/cli/render/tabwriter.ts';
import { humanDuration } from '../../src/cli/render/human-duration.ts';
import { padRight } from '../../src/cli/render/go-fmt.ts';

test('cells are padded to the widest cell of their column plus 2; the last cell is not a column', () => {
  assert.equal(tabwrite('a\tbb\tc\naaa\tb\tlonger text\n'), 'a    bb  c\naaa  b   longer text\n');
});

test('empty trailing cells still pad (Argo rows end in spaces)', () => {
  assert.equal(tabwrite('x\t\t\nlong-name\tk\t\n'), `x${' '.repeat(13)}\nlong-name  k  \n`);
});

test('colour codes do not count towards widths', () => {
  assert.equal(tabwrite('\x1b[32mok\x1b[0m\tb\nlong\tc\n'), '\x1b[32mok\x1b[0m    b\nlong  c\n');
});

test('a line without tabs ends the column block', () => {
  assert.equal(tabwrite('a\tb\nplain\nlonger\tc\n'), 'a  b\nplain\nlonger  c\n');
});

test('a column block ends where a line has fewer cells', () => {
  assert.equal(tabwrite('a\tb\tc\naaaa\tb\nx\tyyyyy\tz\n'), 'a     b  c\naaaa  b\nx     yyyyy  z\n');
});

test('widths count runes, not UTF-16 units or bytes', () => {
  assert.equal(tabwrite('⟳ a\tRollout\n□ bb\tPod\n'), '⟳ a   Rollout\n□ bb  Pod\n');
});

test('HumanDuration', () => {
  const s = 1000;
  const cases: Array<[number, string]> = [
    [-5 * s, '<invalid>'],
    [-500, '0s'],
    [0, '0s'],
    [119 * s, '119s'],
    [120 * s, '2m'],
    [150 * s, '2m30s'],
    [10 * 60 * s, '10m'],
    [179 * 60 * s, '179m'],
    [3 * 3600 * s, '3h'],
    [(3 * 3600 + 25 * 60) * s, '3h25m'],
    [8 * 3600 * s, '8h'],
    [47 * 3600 * s, '47h'],
    [50 * 3600 * s, '2d2h'],
    [7 * 24 * 3600 * s, '7d'],
    [400 * 24 * 3600 * s, '400d'],
    [(3 * 365 + 20) * 24 * 3600 * s, '3y20d'],
    [9 * 365 * 24 * 3600 * s, '9y'],
  ];
  for (const [ms, want] of cases) assert.equal(humanDuration(ms), want, `${ms}ms`);
});

test('%-Ns pads on the right by runes and never truncates', () => {
  assert.equal(padRight('ab', 4), 'ab  ');
  assert.equal(padRight('Σ:x', 4), 'Σ:x ');
  assert.equal(padRight('toolong', 3), 'toolong');
  assert.equal(padRight(5, 3), '5  ');
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { findJsonPathResults, JsonPathError, parseJsonPath, printJsonPath } from '../../../src/kube/jsonpath/index.ts';

const data = {
  a: { b: 'c', n: null, t: true, f: 1.5, i: 42, empty: {}, list: [] as unknown[] },
  nums: [0, 1, 2, 3, 4, 5],
  m: { z: 1, a: 2, B: 3 },
  pods: [
    { name: 'p1', phase: 'Running', restarts: 0, ready: true, labels: { app: 'web' } },
    { name: 'p2', phase: 'Pending', restarts: 3, ready: false },
    { name: 'p3', phase: 'Running', restarts: 10, ready: true, labels: { app: 'api' } },
  ],
  'dotted.key': 'yes',
  'html': '<a&b>',
};

const print = (template: string, opts?: { allowMissingKeys?: boolean }): string => printJsonPath(parseJsonPath(template), data, opts);

describe('printJsonPath: values and formatting', () => {
  const cases: Array<[string, string]> = [
    ['{.a.b}', 'c'],
    ['{.a.n}', '<nil>'],
    ['{.a.t}', 'true'],
    ['{.a.f}', '1.5'],
    ['{.a.i}', '42'],
    ['{.a.empty}', '{}'],
    ['{.a.list}', '[]'],
    ['{.m}', '{"B":3,"a":2,"z":1}'],
    ['{.html}', '<a&b>'],
    ['{.pods[0].labels}', '{"app":"web"}'],
    ['{["html"]}', '<a&b>'],
    ['{["dotted.key"]}', 'yes'],
    ['{.dotted\\.key}', 'yes'],
    ['{.a.b}{.a.i}', 'c42'],
    ['{.a.b} {.a.i}', 'c 42'],
    ['{"x"}{"\\t"}{"y"}', 'x\ty'],
    ['{3}', '3'],
    ['{-2.5}', '-2.5'],
    ['{false}', 'false'],
  ];
  for (const [template, want] of cases) it(template, () => assert.equal(print(template), want));

  it('escapes HTML characters inside JSON output as Go does', () => {
    assert.equal(printJsonPath(parseJsonPath('{.x}'), { x: { s: '<a&b>\u2028' } }), '{"s":"\\u003ca\\u0026b\\u003e\\u2028"}');
  });
  it('prints the whole object for {} and {$}', () => {
    assert.equal(printJsonPath(parseJsonPath('{}'), { b: 1, a: [true, null] }), '{"a":[true,null],"b":1}');
    assert.equal(printJsonPath(parseJsonPath('{$}'), 'just a string'), 'just a string');
  });
});

describe('arrays: index, negative index, slices, wildcard', () => {
  const cases: Array<[string, string]> = [
    ['{.nums[0]}', '0'],
    ['{.nums[5]}', '5'],
    ['{.nums[-1]}', '5'],
    ['{.nums[-6]}', '0'],
    ['{.nums[1:3]}', '1 2'],
    ['{.nums[:2]}', '0 1'],
    ['{.nums[4:]}', '4 5'],
    ['{.nums[-2:]}', '4 5'],
    ['{.nums[:-4]}', '0 1'],
    ['{.nums[::2]}', '0 2 4'],
    ['{.nums[1::2]}', '1 3 5'],
    ['{.nums[0:6:4]}', '0 4'],
    ['{.nums[*]}', '0 1 2 3 4 5'],
    ['{.nums[2:2]}', ''],
    ['{.nums[0,5,-1]}', '0 5 5'],
    ['{.nums[0:2,4]}', '0 1 4'],
    ['{.pods[*].name}', 'p1 p2 p3'],
    ['{.pods[*]["name","phase"]}', 'p1 p2 p3 Running Pending Running'],
    ['{.m.*}', '3 2 1'],
    ['{.a.list[*]}', ''],
    ['{.a.n[0]}', ''],
  ];
  for (const [template, want] of cases) it(template, () => assert.equal(print(template), want));

  it('a wildcard over an object follows key order (bytewise: uppercase first)', () => {
    assert.deepEqual(findJsonPathResults(parseJsonPath('{.m.*}'), data), [[3, 2, 1]]);
  });

  const errors: Array<[string, string]> = [
    ['{.nums[6]}', 'array index out of bounds: index 6, length 6'],
    ['{.nums[-7]}', 'array index out of bounds: index -1, length 6'],
    ['{.nums[0:7]}', 'array index out of bounds: index 6, length 6'],
    ['{.nums[3:1]}', 'starting index 3 is greater than ending index 1'],
    ['{.nums[::0]}', 'step must be > 0'],
    ['{.a.list[0]}', 'array index out of bounds: index 0, length 0'],
    ['{.m[0]}', 'map[string]interface {} is not array or slice'],
    ['{.a.b[0]}', 'string is not array or slice'],
    ['{.a.i[0]}', 'int64 is not array or slice'],
    ['{.a.f[*]}', 'float64 is not array or slice'],
  ];
  for (const [template, message] of errors) {
    it(`${template} fails: ${message}`, () => {
      assert.throws(() => print(template), (e: unknown) => e instanceof JsonPathError && e.message === message);
    });
  }
});

describe('missing keys', () => {
  it('fail with "<key> is not found" by default', () => {
    assert.throws(() => print('{.a.missing}'), (e: unknown) => e instanceof JsonPathError && e.message === 'missing is not found');
    assert.throws(() => print('{.nums.x}'), (e: unknown) => e instanceof JsonPathError && e.message === 'x is not found');
    assert.throws(() => print('{.a.n.x}'), (e: unknown) => e instanceof JsonPathError && e.message === 'x is not found');
  });
  it('give no result with allowMissingKeys', () => {
    assert.equal(print('{.a.missing}', { allowMissingKeys: true }), '');
    assert.equal(print('[{.a.missing.deeper}]', { allowMissingKeys: true }), '[]');
    assert.deepEqual(findJsonPathResults(parseJsonPath('{.x}{.a.b}'), data, { allowMissingKeys: true }), [[], ['c']]);
  });
  it('are fine when at least one of several values has the key', () => {
    assert.equal(print('{.pods[*].labels.app}'), 'web api');
  });
  it('does not read inherited properties', () => {
    assert.throws(() => print('{.a.constructor}'), JsonPathError);
    assert.throws(() => print('{.a.__proto__}'), JsonPathError);
    assert.equal(print('{.a.toString}', { allowMissingKeys: true }), '');
  });
});

describe('recursive descent', () => {
  const tree = { name: 'root', spec: { name: 'inner', list: [{ name: 'x' }, { other: 1 }] }, empty: {}, s: 'str' };
  it('finds keys at every depth, depth first, keys in sorted order', () => {
    assert.equal(printJsonPath(parseJsonPath('{..name}'), tree), 'root inner x');
  });
  it('lists containers with children, themselves first', () => {
    assert.deepEqual(findJsonPathResults(parseJsonPath('{..}'), { a: { b: 1 }, c: [] }), [[{ a: { b: 1 }, c: [] }, { b: 1 }]]);
  });
  it('combines with subscripts', () => {
    assert.equal(printJsonPath(parseJsonPath('{..list[0].name}'), tree), 'x');
  });
});

describe('filters', () => {
  const cases: Array<[string, string]> = [
    ['{.pods[?(@.phase=="Running")].name}', 'p1 p3'],
    ["{.pods[?(@.phase=='Running')].name}", 'p1 p3'],
    ['{.pods[?(@.phase!="Running")].name}', 'p2'],
    ['{.pods[?(@.restarts>0)].name}', 'p2 p3'],
    ['{.pods[?(@.restarts>=3)].name}', 'p2 p3'],
    ['{.pods[?(@.restarts<3)].name}', 'p1'],
    ['{.pods[?(@.restarts<=3)].name}', 'p1 p2'],
    ['{.pods[?(@.restarts==10)].name}', 'p3'],
    ['{.pods[?(@.restarts > 2.5)].name}', 'p2 p3'],
    ['{.pods[?(@.ready==true)].name}', 'p1 p3'],
    ['{.pods[?(@.ready!=true)].name}', 'p2'],
    ['{.pods[?(@.ready>false)].name}', ''],
    ['{.pods[?(@.name<"p2")].name}', 'p1'],
    ['{.pods[?(@.name>="p2")].name}', 'p2 p3'],
    ['{.pods[?(@.restarts=="3")].name}', ''],
    ['{.pods[?(@.restarts!="3")].name}', ''],
    ['{.pods[?(@.labels)].name}', 'p1 p3'],
    ['{.pods[?(@.labels.app)].name}', 'p1 p3'],
    ['{.pods[?(@.labels.app=="api")].name}', 'p3'],
    ['{.pods[?(@.name==@.name)].name}', 'p1 p2 p3'],
    ['{.pods[?(@.phase=="Running")][?(@=="p3")]}', 'p3'],
    ['{.m[?(@>1)]}', '3 2'],
    ['{.a.i[?(@==42)]}', '42'],
  ];
  for (const [template, want] of cases) it(template, () => assert.equal(print(template, { allowMissingKeys: true }), want));

  it('applied to an object, filters its values (in key order)', () => {
    assert.equal(print('{.pods[0][?(@=="Running")]}'), 'Running');
  });
  it('fails on a missing key in a comparison unless missing keys are allowed (client-go)', () => {
    assert.throws(() => print('{.pods[?(@.labels.app=="api")].name}'), (e: unknown) => e instanceof JsonPathError && e.message === 'labels is not found');
  });
  it('treats a path that cannot be followed as absent in an existence test', () => {
    assert.equal(print('{.pods[?(@.labels.app)].name}'), 'p1 p3');
  });
  it('fails when one side yields several values', () => {
    const several = (e: unknown): boolean => e instanceof JsonPathError && e.message === 'can only compare one element at a time';
    assert.throws(() => print('{.pods[?(@.*=="web")].name}'), several);
    assert.throws(() => print('{.pods[?(@.*)].name}'), several);
    assert.throws(() => print('{.pods[?(@.name==@.*)].name}'), several);
  });
});

describe('range', () => {
  it('runs the body once per item with @ and $ bound to the item', () => {
    assert.equal(print('{range .pods[*]}{$.name}={@.phase};{end}'), 'p1=Running;p2=Pending;p3=Running;');
  });
  it('nests', () => {
    const d = { groups: [{ n: 'g1', xs: [1, 2] }, { n: 'g2', xs: [3] }] };
    assert.equal(printJsonPath(parseJsonPath('{range .groups[*]}{.n}:{range .xs[*]}<{@}>{end};{end}'), d), 'g1:<1><2>;g2:<3>;');
  });
  it('goes on after {end} even when there is nothing to iterate', () => {
    assert.equal(print('{range .a.list[*]}{.x}{end}done'), 'done');
  });
  it('yields one result list per body action and item', () => {
    assert.deepEqual(findJsonPathResults(parseJsonPath('{range .nums[0:2]}{@}{","}{end}'), data), [[0], [','], [1], [',']]);
  });
  it('without {end} runs to the end of the template', () => {
    assert.equal(print('{range .nums[0:3]}{@} '), '0 1 2 ');
  });
});

describe('Argo web metric provider forms', () => {
  const body = { data: { ok: true, ratio: 0.97, count: 12, items: [{ value: '3.5' }] } };
  const first = (template: string): unknown => findJsonPathResults(parseJsonPath(template), body)[0]![0];
  it('keeps result types', () => {
    assert.equal(first('{$.data.ok}'), true);
    assert.equal(first('{.data.ratio}'), 0.97);
    assert.equal(first('{.data.count}'), 12);
    assert.equal(first('{.data.items[0].value}'), '3.5');
    assert.deepEqual(first('{$}'), body);
  });
});

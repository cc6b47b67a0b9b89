import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { goJson, goText } from '../../../src/kube/jsonpath/index.ts';

describe('goText: numbers as kubectl prints them', () => {
  const cases: Array<[number, string]> = [
    [0, '0'],
    [-0, '0'],
    [42, '42'],
    [-7, '-7'],
    [1e6, '1000000'],
    [2 ** 53, '9007199254740992'],
    [2 ** 62, '4611686018427387904'],
    [1e20, '1e+20'],
    [1e21, '1e+21'],
    [-(2 ** 64), '-1.8446744073709552e+19'],
    [0.5, '0.5'],
    [-2.25, '-2.25'],
    [123456.7, '123456.7'],
    [1234567.5, '1.2345675e+06'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [1.5e-7, '1.5e-07'],
    [3.14159e100, '3.14159e+100'],
    [NaN, 'NaN'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
  ];
  for (const [n, want] of cases) it(`${n} → ${want}`, () => assert.equal(goText(n), want));
});

describe('goJson: encoding/json output', () => {
  const cases: Array<[unknown, string]> = [
    [null, 'null'],
    [{ b: 1, a: [1.5, 'x', true, null], C: {} }, '{"C":{},"a":[1.5,"x",true,null],"b":1}'],
    [{ s: '<script>&\u2029' }, '{"s":"\\u003cscript\\u003e\\u0026\\u2029"}'],
    [{ 'é': 1, z: 2 }, '{"z":2,"é":1}'],
    [[1e21, 1e-7, 2 ** 62, -0], '[1e+21,1e-7,4611686018427387904,0]'],
    ['tab\tquote"', '"tab\\tquote\\""'],
  ];
  for (const [v, want] of cases) it(want, () => assert.equal(goJson(v), want));
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  escapeFieldValue,
  fieldPaths,
  formatFieldRequirements,
  matchesFields,
  parseFieldSelector,
  SelectorError,
  unescapeFieldValue,
  type FieldRequirement,
} from '../../../src/kube/selectors/index.ts';

const eq = (field: string, value: string): FieldRequirement => ({ field, operator: '=', value });
const ne = (field: string, value: string): FieldRequirement => ({ field, operator: '!=', value });

describe('parseFieldSelector', () => {
  const cases: Array<[string, FieldRequirement[], string]> = [
    ['', [], ''],
    ['metadata.name=web', [eq('metadata.name', 'web')], 'metadata.name=web'],
    ['metadata.name==web', [eq('metadata.name', 'web')], 'metadata.name=web'],
    ['status.phase!=Running', [ne('status.phase', 'Running')], 'status.phase!=Running'],
    ['status.phase!=Running,metadata.namespace=default', [eq('metadata.namespace', 'default'), ne('status.phase', 'Running')], 'metadata.namespace=default,status.phase!=Running'],
    ['a=', [eq('a', '')], 'a='],
    ['=b', [eq('', 'b')], '=b'],
    [',a=b,,', [eq('a', 'b')], 'a=b'],
    ['a=b\\,c', [eq('a', 'b,c')], 'a=b\\,c'],
    ['a=b\\=c', [eq('a', 'b=c')], 'a=b\\=c'],
    ['a=b\\\\c', [eq('a', 'b\\c')], 'a=b\\\\c'],
    ['a=b\\\\,c=d', [eq('a', 'b\\'), eq('c', 'd')], 'a=b\\\\,c=d'],
    ['a = b', [eq('a ', ' b')], 'a = b'],
    ['spec.nodeName=', [eq('spec.nodeName', '')], 'spec.nodeName='],
  ];
  for (const [input, want, formatted] of cases) {
    it(JSON.stringify(input), () => {
      const got = parseFieldSelector(input);
      assert.deepEqual(got, want);
      assert.equal(formatFieldRequirements(got), formatted);
    });
  }

  const errors: Array<[string, string]> = [
    ['a', "invalid selector: 'a'; can't understand 'a'"],
    ['a=b,c', "invalid selector: 'a=b,c'; can't understand 'c'"],
    ['a<b', "invalid selector: 'a<b'; can't understand 'a<b'"],
    ['a=b=c', 'invalid field selector: unescaped character in value: ='],
    ['x!==y', 'invalid field selector: unescaped character in value: ='],
    ['a===b', 'invalid field selector: unescaped character in value: ='],
    ['a=\\x', 'invalid field selector: invalid escape sequence: \\x'],
    ['a=b\\', 'invalid field selector: invalid escape sequence: \\'],
  ];
  for (const [input, message] of errors) {
    it(`rejects ${JSON.stringify(input)}`, () => {
      assert.throws(() => parseFieldSelector(input), (err: unknown) => err instanceof SelectorError && err.message === message);
    });
  }
});

describe('matchesFields and fieldPaths', () => {
  const pod: Record<string, string> = { 'metadata.name': 'web-1', 'metadata.namespace': 'default', 'status.phase': 'Running', 'spec.nodeName': '' };
  const get = (path: string): string | undefined => pod[path];
  const cases: Array<[string, boolean]> = [
    ['', true],
    ['metadata.name=web-1', true],
    ['metadata.name==web-1', true],
    ['metadata.name=web-2', false],
    ['metadata.name!=web-2', true],
    ['metadata.name!=web-1', false],
    ['status.phase=Running,metadata.namespace=default', true],
    ['status.phase=Running,metadata.namespace=kube-system', false],
    ['spec.nodeName=', true],
    ['spec.nodeName!=', false],
    ['status.podIP=', true],
    ['status.podIP!=10.0.0.1', true],
  ];
  for (const [selector, want] of cases) {
    it(`${JSON.stringify(selector)} → ${want}`, () => assert.equal(matchesFields(parseFieldSelector(selector), get), want));
  }
  it('lists the distinct paths in order of first use', () => {
    assert.deepEqual(fieldPaths(parseFieldSelector('status.phase!=Failed,metadata.name=a,status.phase!=Succeeded')), ['metadata.name', 'status.phase']);
    assert.deepEqual(fieldPaths([]), []);
  });
});

describe('field value escaping', () => {
  const cases: Array<[string, string]> = [
    ['plain', 'plain'],
    ['a,b', 'a\\,b'],
    ['a=b', 'a\\=b'],
    ['a\\b', 'a\\\\b'],
    ['', ''],
    ['\\,=', '\\\\\\,\\='],
  ];
  for (const [raw, escaped] of cases) {
    it(JSON.stringify(raw), () => {
      assert.equal(escapeFieldValue(raw), escaped);
      assert.equal(unescapeFieldValue(escaped), raw);
    });
  }
});

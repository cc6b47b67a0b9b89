import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findJsonPathResults, JsonPathError, parseJsonPath, printJsonPath } from '../../../src/kube/jsonpath/index.ts';

/** Runs f and accepts only success or a JsonPathError. */
function onlyJsonPathErrors(f: () => unknown): void {
  try {
    f();
  } catch (err) {
    if (!(err instanceof JsonPathError)) throw new Error(`unexpected ${String(err)}`, { cause: err });
  }
}

/** Fragments that make the parser take its interesting paths. */
const piece = fc.constantFrom(
  '{', '}', '{.', '.', '..', '$', '@', '[', ']', '[?(', ')', ']', '*', ':', ',', '-', '+', '1', '0', '-1', '2.5',
  '"', "'", '\\', '\\"', 'a', 'b', 'range', 'end', 'true', ' ', '\t', '\n', '==', '!=', '<', '>=', '=', '!', '{range .a[*]}', '{end}', 'é', '\u{1F600}', '\ud800',
);
const templateLike = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));
const anyString = fc.string({ unit: 'binary', maxLength: 80 });

const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -1, 2.5, 'a', 'b', ''),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c', 'name', 'items'), tie('value'), { maxKeys: 3 }),
  ),
})).value;

describe('JSONPath parser and evaluator properties', () => {
  it('the parser never throws anything but JsonPathError and always terminates', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.oneof(templateLike, anyString), (s) => {
        const started = performance.now();
        onlyJsonPathErrors(() => parseJsonPath(s));
        assert.ok(performance.now() - started < 1000, `parsing ${JSON.stringify(s)} took too long`);
      }),
      { numRuns: 5000 },
    );
  });

  it('evaluating any parsed template on any JSON throws nothing but JsonPathError', { timeout: 120_000 }, () => {
    const grammatical = fc
      .array(
        fc.constantFrom('.a', '.b', '.name', '.items', '[0]', '[-1]', '[*]', '[1:]', '[::2]', '..', '.*', '[0,1]', "['a']", '["b"]', '[?(@.a)]', '[?(@.name=="a")]', '[?(@>0)]'),
        { maxLength: 6 },
      )
      .map((steps) => `{${steps.join('')}}`);
    fc.assert(
      fc.property(fc.oneof(grammatical, templateLike), json, fc.boolean(), (template, data, allowMissingKeys) => {
        let parsed;
        try {
          parsed = parseJsonPath(template);
        } catch {
          return;
        }
        onlyJsonPathErrors(() => findJsonPathResults(parsed, data, { allowMissingKeys }));
        onlyJsonPathErrors(() => printJsonPath(parsed, data, { allowMissingKeys }));
      }),
      { numRuns: 3000 },
    );
  });

  it('literal text without braces prints as itself', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }).filter((s) => !s.includes('{')), fc.anything(), (s, data) => {
        assert.equal(printJsonPath(parseJsonPath(s), data), s);
      }),
    );
  });

  it('{.k} prints a string value unchanged, whatever the key (written as a double-quoted key)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ maxLength: 20 }), (key, value) => {
        const template = `{[${JSON.stringify(key)}]}`;
        assert.equal(printJsonPath(parseJsonPath(template), { [key]: value }), value);
      }),
    );
  });
});

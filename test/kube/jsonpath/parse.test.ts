import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { JsonPathError, parseJsonPath, type Segment } from '../../../src/kube/jsonpath/index.ts';

describe('parseJsonPath: structure', () => {
  const cases: Array<[string, Segment[]]> = [
    ['', []],
    ['plain', [{ kind: 'text', text: 'plain' }]],
    ['a}b', [{ kind: 'text', text: 'a}b' }]],
    ['{}', [{ kind: 'action', steps: [] }]],
    ['{$}', [{ kind: 'action', steps: [] }]],
    ['{@}', [{ kind: 'action', steps: [] }]],
    ['{ .a }', [{ kind: 'action', steps: [{ kind: 'field', name: 'a' }] }]],
    ['{$.data.ok}', [{ kind: 'action', steps: [{ kind: 'field', name: 'data' }, { kind: 'field', name: 'ok' }] }]],
    ['{.a-b/c}', [{ kind: 'action', steps: [{ kind: 'field', name: 'a-b/c' }] }]],
    ['{.kubernetes\\.io/name}', [{ kind: 'action', steps: [{ kind: 'field', name: 'kubernetes.io/name' }] }]],
    ['{.*}', [{ kind: 'action', steps: [{ kind: 'wildcard' }] }]],
    ['{..a}', [{ kind: 'action', steps: [{ kind: 'recursive' }, { kind: 'field', name: 'a' }] }]],
    ['{..[0]}', [{ kind: 'action', steps: [{ kind: 'recursive' }, { kind: 'slice', params: [{ known: true, value: 0, derived: false }, { known: true, value: 1, derived: true }, { known: false, value: 0, derived: false }] }] }]],
    ["{['a']}", [{ kind: 'action', steps: [{ kind: 'field', name: 'a' }] }]],
    ["{['a.b']}", [{ kind: 'action', steps: [{ kind: 'field', name: 'a' }, { kind: 'field', name: 'b' }] }]],
    ['{["a.b"]}', [{ kind: 'action', steps: [{ kind: 'field', name: 'a.b' }] }]],
    ['{["a]b,c"]}', [{ kind: 'action', steps: [{ kind: 'field', name: 'a]b,c' }] }]],
    ['{["q\\"x"]}', [{ kind: 'action', steps: [{ kind: 'field', name: 'q"x' }] }]],
    ['{"\\n"}', [{ kind: 'action', steps: [{ kind: 'text', text: '\n' }] }]],
    ["{'it\\'s'}", [{ kind: 'action', steps: [{ kind: 'text', text: "it's" }] }]],
    ['{"}"}', [{ kind: 'action', steps: [{ kind: 'text', text: '}' }] }]],
    ['{"a\\\\"}', [{ kind: 'action', steps: [{ kind: 'text', text: 'a\\' }] }]],
    ['{"\\u00e9\\x41\\101\\t"}', [{ kind: 'action', steps: [{ kind: 'text', text: 'éAA\t' }] }]],
    ['{3}', [{ kind: 'action', steps: [{ kind: 'number', value: 3 }] }]],
    ['{-2.5}', [{ kind: 'action', steps: [{ kind: 'number', value: -2.5 }] }]],
    ['{true}', [{ kind: 'action', steps: [{ kind: 'bool', value: true }] }]],
    [
      '{[1,"x"]}',
      [
        {
          kind: 'action',
          steps: [
            {
              kind: 'union',
              branches: [
                [{ kind: 'slice', params: [{ known: true, value: 1, derived: false }, { known: true, value: 2, derived: true }, { known: false, value: 0, derived: false }] }],
                [{ kind: 'field', name: 'x' }],
              ],
            },
          ],
        },
      ],
    ],
    ['{[*]}', [{ kind: 'action', steps: [{ kind: 'slice', params: [{ known: false, value: 0, derived: false }, { known: false, value: 0, derived: false }, { known: false, value: 0, derived: false }] }] }]],
    ['{[-3::2]}', [{ kind: 'action', steps: [{ kind: 'slice', params: [{ known: true, value: -3, derived: false }, { known: false, value: 0, derived: false }, { known: true, value: 2, derived: false }] }] }]],
    [
      '{[?(@.x == "y")]}',
      [{ kind: 'action', steps: [{ kind: 'filter', left: [{ kind: 'field', name: 'x' }], operator: '==', right: [{ kind: 'text', text: 'y' }] }] }],
    ],
    [
      '{[?(@.n>=2)]}',
      [{ kind: 'action', steps: [{ kind: 'filter', left: [{ kind: 'field', name: 'n' }], operator: '>=', right: [{ kind: 'number', value: 2 }] }] }],
    ],
    ['{[?(@.x)]}', [{ kind: 'action', steps: [{ kind: 'filter', left: [{ kind: 'field', name: 'x' }], operator: 'exists', right: [] }] }]],
    [
      '{[?(@.x=="a)b")]}',
      [{ kind: 'action', steps: [{ kind: 'filter', left: [{ kind: 'field', name: 'x' }], operator: '==', right: [{ kind: 'text', text: 'a)b' }] }] }],
    ],
    [
      '{range .items[*]}{.a}{end}!',
      [
        {
          kind: 'range',
          steps: [{ kind: 'field', name: 'items' }, { kind: 'slice', params: [{ known: false, value: 0, derived: false }, { known: false, value: 0, derived: false }, { known: false, value: 0, derived: false }] }],
          body: [{ kind: 'action', steps: [{ kind: 'field', name: 'a' }] }],
        },
        { kind: 'text', text: '!' },
      ],
    ],
    [
      '{range .a}{range .b}x{end}{end}',
      [{ kind: 'range', steps: [{ kind: 'field', name: 'a' }], body: [{ kind: 'range', steps: [{ kind: 'field', name: 'b' }], body: [{ kind: 'text', text: 'x' }] }] }],
    ],
    ['{range .a}x', [{ kind: 'range', steps: [{ kind: 'field', name: 'a' }], body: [{ kind: 'text', text: 'x' }] }]],
  ];
  for (const [template, segments] of cases) {
    it(JSON.stringify(template), () => {
      assert.deepEqual(parseJsonPath(template).segments, segments);
    });
  }
});

describe('parseJsonPath: errors', () => {
  const cases: Array<[string, string]> = [
    ['{', 'unclosed action'],
    ['{.a', 'unclosed action'],
    ['{.a\n}', 'unclosed action'],
    ['{.a\t}', "unrecognized character in action: U+0009"],
    ['{*}', "unrecognized character in action: U+002A '*'"],
    ['{..*}', "unrecognized character in action: U+002A '*'"],
    ['{.a{.b}}', "unrecognized character in action: U+007B '{'"],
    ['{....a}', 'invalid multiple recursive descent'],
    ['{[0}', 'unterminated array'],
    ['{[0', 'unterminated array'],
    ['{[x]}', 'invalid array index x'],
    ['{[1:2:3:4]}', 'invalid array index 1:2:3:4'],
    ['{[-]}', 'array index - is not a number'],
    ['{[99999999999999999999]}', 'array index 99999999999999999999 is not a number'],
    ['{[?(@.a == "x"}', 'unterminated filter'],
    ['{[?(@.a == 1)x}', 'unclosed array expect ]'],
    ['{[?(@.a =~ 1)]}', "unrecognized character in action: U+007E '~'"],
    ['{[?(@.a => 1)]}', 'unrecognized filter operator =>'],
    ['{[?(@.a = 1)]}', 'unrecognized filter operator ='],
    ['{"abc}', 'unterminated quoted string'],
    ['{"a\\qb"}', 'unquote string "a\\qb" error invalid syntax'],
    ["{'a\\\"b'}", 'unquote string \'a\\"b\' error invalid syntax'],
    ['{"\\ud800"}', 'unquote string "\\ud800" error invalid syntax'],
    ['{+}', 'cannot parse number +'],
    ['{1.2.3}', 'cannot parse number 1.2.3'],
    ['{foo}', 'unrecognized identifier foo'],
    ['{.a range}', 'unrecognized identifier range'],
    ["{['a b']}", 'unrecognized identifier b'],
    ['{end}', 'not in range, nothing to end'],
    ['{range .a}{end}{end}', 'not in range, nothing to end'],
    ['{end .a}', 'end must be alone in its action'],
  ];
  for (const [template, message] of cases) {
    it(JSON.stringify(template), () => {
      assert.throws(() => parseJsonPath(template), (err: unknown) => {
        assert.ok(err instanceof JsonPathError, `a JsonPathError, got ${String(err)}`);
        assert.equal(err.message, message);
        return true;
      });
    });
  }

  it('limits nesting of filters instead of overflowing the stack', () => {
    const deep = `{${'[?(@'.repeat(200)}}`;
    assert.throws(() => parseJsonPath(deep), JsonPathError);
  });
});

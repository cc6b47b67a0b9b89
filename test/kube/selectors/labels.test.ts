import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatLabelRequirements,
  matchesLabels,
  parseLabelSelector,
  SelectorError,
  type LabelRequirement,
} from '../../../src/kube/selectors/index.ts';

const req = (key: string, operator: LabelRequirement['operator'], values: string[] = []): LabelRequirement => ({ key, operator, values });

describe('parseLabelSelector: accepted input', () => {
  const cases: Array<[string, LabelRequirement[], string]> = [
    ['', [], ''],
    ['   ', [], ''],
    ['app=web', [req('app', '=', ['web'])], 'app=web'],
    ['app==web', [req('app', '==', ['web'])], 'app==web'],
    ['app!=web', [req('app', '!=', ['web'])], 'app!=web'],
    ['app', [req('app', 'exists')], 'app'],
    ['!app', [req('app', '!')], '!app'],
    ['  ! app  ', [req('app', '!')], '!app'],
    ['env in (prod,dev)', [req('env', 'in', ['dev', 'prod'])], 'env in (dev,prod)'],
    ['env notin (prod, dev, prod)', [req('env', 'notin', ['dev', 'prod'])], 'env notin (dev,prod)'],
    ['env in(prod)', [req('env', 'in', ['prod'])], 'env in (prod)'],
    ['env in ()', [req('env', 'in', [''])], 'env in ()'],
    ['env in (,)', [req('env', 'in', [''])], 'env in ()'],
    ['x in (foo,,baz),y,z notin ()', [req('x', 'in', ['', 'baz', 'foo']), req('y', 'exists'), req('z', 'notin', [''])], 'x in (,baz,foo),y,z notin ()'],
    ['x in (a,)', [req('x', 'in', ['', 'a'])], 'x in (,a)'],
    ['app=', [req('app', '=', [''])], 'app='],
    ['app=,tier=db', [req('app', '=', ['']), req('tier', '=', ['db'])], 'app=,tier=db'],
    ['replicas>3', [req('replicas', 'gt', ['3'])], 'replicas>3'],
    ['replicas < 10', [req('replicas', 'lt', ['10'])], 'replicas<10'],
    ['in in (in,notin)', [req('in', 'in', ['in', 'notin'])], 'in in (in,notin)'],
    ['notin=in', [req('notin', '=', ['in'])], 'notin=in'],
    ['b=2,a=1,c', [req('a', '=', ['1']), req('b', '=', ['2']), req('c', 'exists')], 'a=1,b=2,c'],
    ['a!=x,a!=y', [req('a', '!=', ['x']), req('a', '!=', ['y'])], 'a!=x,a!=y'],
    ['\tapp = web ,\n tier!=db', [req('app', '=', ['web']), req('tier', '!=', ['db'])], 'app=web,tier!=db'],
    ['example.com/app=web', [req('example.com/app', '=', ['web'])], 'example.com/app=web'],
    ['app.kubernetes.io/name in (a_b, A-1.x)', [req('app.kubernetes.io/name', 'in', ['A-1.x', 'a_b'])], 'app.kubernetes.io/name in (A-1.x,a_b)'],
    [`k=${'v'.repeat(63)}`, [req('k', '=', ['v'.repeat(63)])], `k=${'v'.repeat(63)}`],
  ];
  for (const [input, want, formatted] of cases) {
    it(JSON.stringify(input), () => {
      const got = parseLabelSelector(input);
      assert.deepEqual(got, want);
      assert.equal(formatLabelRequirements(got), formatted);
    });
  }
});

describe('parseLabelSelector: errors', () => {
  const nameRule =
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  const valueRule =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
  const cases: Array<[string, string]> = [
    [',a', "found ',', expected: !, identifier, or 'end of string'"],
    ['=a', "found '=', expected: !, identifier, or 'end of string'"],
    ['a,', "found '', expected: identifier after ','"],
    ['a,,b', "found ',', expected: identifier after ','"],
    ['a=b c', "found 'c', expected: ',' or 'end of string'"],
    ['!a=b', "found '=', expected: ',' or 'end of string'"],
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['a!b', "unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['!!a', "unable to parse requirement: found '!', expected: identifier"],
    ['a in b', "unable to parse requirement: found 'b' expected: '('"],
    ['a in (b', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['a in (b c)', "unable to parse requirement: found 'c', expected: ',' or ')'"],
    ['a in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ['a in (b,=)', "unable to parse requirement: found '=', expected: ',', or identifier"],
    ['a==(b)', "unable to parse requirement: found '(', expected: identifier"],
    ['a@b=c', `unable to parse requirement: <nil>: Invalid value: "a@b": ${nameRule}`],
    ['-a', `unable to parse requirement: <nil>: Invalid value: "-a": ${nameRule}`],
    [`${'k'.repeat(64)}`, `unable to parse requirement: <nil>: Invalid value: "${'k'.repeat(64)}": name part must be no more than 63 characters`],
    ['/a', 'unable to parse requirement: <nil>: Invalid value: "/a": prefix part must be non-empty'],
    ['a/', `unable to parse requirement: <nil>: Invalid value: "a/": name part must be non-empty; ${nameRule}`],
    [
      'Example.com/a',
      "unable to parse requirement: <nil>: Invalid value: \"Example.com/a\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ],
    [
      'a/b/c',
      `unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ],
    ['a=b@', `unable to parse requirement: values[0][a]: Invalid value: "b@": ${valueRule}`],
    ['a in (ok,-bad)', `unable to parse requirement: values[0][a]: Invalid value: "-bad": ${valueRule}`],
    [`a=${'v'.repeat(64)}`, `unable to parse requirement: values[0][a]: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`],
    ['a>x', `unable to parse requirement: values[0]: Invalid value: "x": for 'Gt', 'Lt' operators, the value must be an integer`],
    [
      'a>-1',
      `unable to parse requirement: values[0][a]: Invalid value: "-1": ${valueRule}`,
    ],
    ['a>99999999999999999999', `unable to parse requirement: values[0]: Invalid value: "99999999999999999999": for 'Gt', 'Lt' operators, the value must be an integer`],
  ];
  for (const [input, message] of cases) {
    it(JSON.stringify(input), () => {
      assert.throws(() => parseLabelSelector(input), (err: unknown) => {
        assert.ok(err instanceof SelectorError, 'a SelectorError');
        assert.equal(err.message, message);
        return true;
      });
    });
  }
});

describe('matchesLabels', () => {
  const labels = { app: 'web', tier: 'frontend', empty: '', replicas: '5', name: 'x' };
  const cases: Array<[string, Record<string, string> | undefined, boolean]> = [
    ['', labels, true],
    ['', undefined, true],
    ['app=web', labels, true],
    ['app==web', labels, true],
    ['app=db', labels, false],
    ['missing=web', labels, false],
    ['app!=db', labels, true],
    ['app!=web', labels, false],
    ['missing!=web', labels, true],
    ['app in (db,web)', labels, true],
    ['app in (db)', labels, false],
    ['missing in (db)', labels, false],
    ['app notin (db)', labels, true],
    ['app notin (web)', labels, false],
    ['missing notin (web)', labels, true],
    ['app', labels, true],
    ['missing', labels, false],
    ['!missing', labels, true],
    ['!app', labels, false],
    ['empty', labels, true],
    ['empty=', labels, true],
    ['missing=', labels, false],
    ['empty in ()', labels, true],
    ['app in ()', labels, false],
    ['replicas>4', labels, true],
    ['replicas>5', labels, false],
    ['replicas<6', labels, true],
    ['replicas<5', labels, false],
    ['name>1', labels, false],
    ['missing<100', labels, false],
    ['app=web,tier=frontend', labels, true],
    ['app=web,tier=backend', labels, false],
    ['app,!missing,tier in (frontend)', labels, true],
    ['app=web', undefined, false],
    ['!app', undefined, true],
    ['app!=web', undefined, true],
  ];
  for (const [selector, ls, want] of cases) {
    it(`${JSON.stringify(selector)} on ${ls === labels ? 'labels' : String(ls)} → ${want}`, () => {
      assert.equal(matchesLabels(parseLabelSelector(selector), ls), want);
    });
  }
  it('ignores inherited properties of the label map', () => {
    assert.equal(matchesLabels(parseLabelSelector('constructor'), {}), false);
    assert.equal(matchesLabels(parseLabelSelector('!toString'), {}), true);
  });
});

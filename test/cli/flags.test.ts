/** Flag parsing: cobra-compatible argv, global kubeconfig flags, usage errors, kubeconfig resolution. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { moveLeadingGlobalFlags, normalizeArgs } from '../../src/cli/argv.ts';
import { kubeFlags, cliName, type CliContext } from '../../src/cli/context.ts';
import { buildProgram, cobraError } from '../../src/cli/program.ts';
import { completions, resolveWords } from '../../src/cli/commands/completion.ts';
import { readKubeconfigs, resolveKubeconfig } from '../../src/cli/kube/kubeconfig.ts';
import type { KubeFlags } from '../../src/cli/kube/flags.ts';
import { runInProcess } from './cli-harness.ts';

test('cobra-style boolean values and leading global flags', () => {
  const program = buildProgram('kubectl-argo-rollouts');
  assert.deepEqual(normalizeArgs(program, ['status', 'x', '--watch=false']), ['status', 'x', '--no-watch']);
  assert.deepEqual(normalizeArgs(program, ['promote', 'x', '--full=true']), ['promote', 'x', '--full']);
  assert.deepEqual(normalizeArgs(program, ['promote', 'x', '--full=false']), ['promote', 'x']);
  assert.deepEqual(normalizeArgs(program, ['get', 'ro', 'x', '--color=false']), ['get', 'ro', 'x', '--no-color']);
  assert.deepEqual(normalizeArgs(program, ['list', 'rollouts', '--name=false']), ['list', 'rollouts', '--name=false'], 'value flags are left alone');
  assert.deepEqual(moveLeadingGlobalFlags(['-n', 'ns', '--kubeconfig=/k', '--insecure-skip-tls-verify', 'get', 'rollout', 'x']), ['get', 'rollout', 'x', '-n', 'ns', '--kubeconfig=/k', '--insecure-skip-tls-verify']);
  assert.deepEqual(moveLeadingGlobalFlags(['--help']), ['--help']);
});

test("commander's parse errors in cobra's words", () => {
  assert.equal(cobraError("error: unknown option '--foo'\n"), 'Error: unknown flag: --foo\n');
  assert.equal(cobraError("error: unknown option '-x'\n"), "Error: unknown shorthand flag: 'x' in -x\n");
  assert.equal(cobraError("error: option '--in <duration>' argument missing\n"), "Error: option '--in <duration>' argument missing\n");
  assert.equal(cobraError("error: unknown command 'dance'\n", 'kubectl-argo-rollouts'), 'Error: unknown command "dance" for "kubectl-argo-rollouts"\n');
});

/** Runs a verb with a fake connection and returns the flags it connected with. */
async function flagsSeen(args: string[]): Promise<KubeFlags> {
  let seen: KubeFlags | undefined;
  const ctx: CliContext = {
    invokedAs: 'kubectl-argo-rollouts',
    cliName: cliName('kubectl-argo-rollouts'),
    out: process.stdout,
    err: process.stderr,
    env: {},
    now: () => 0,
    connect: (cmd: Command) => {
      seen = kubeFlags(cmd);
      return Promise.reject(new Error('stop here'));
    },
    release: async () => {},
  };
  const saved = process.exitCode;
  const write = process.stderr.write;
  process.stderr.write = (() => true) as typeof process.stderr.write;
  try {
    await buildProgram('kubectl-argo-rollouts', ctx).parseAsync(args, { from: 'user' });
  } finally {
    process.stderr.write = write;
    process.exitCode = saved;
  }
  assert.ok(seen, 'the verb connected');
  return seen;
}

test('kubeconfig flags before or after the verb, short and long forms', async () => {
  const f = await flagsSeen(['-n', 'team-a', '--context=prod', 'promote', 'guestbook', '--kubeconfig', '/tmp/kc', '-s', 'https://x:6443', '--token', 't', '--as', 'jane', '--as-group', 'a', '--as-group', 'b']);
  assert.equal(f.namespace, 'team-a');
  assert.equal(f.context, 'prod');
  assert.equal(f.kubeconfig, '/tmp/kc');
  assert.equal(f.server, 'https://x:6443');
  assert.equal(f.token, 't');
  assert.equal(f.as, 'jane');
  assert.deepEqual(f.asGroup, ['a', 'b']);
  const g = await flagsSeen(['get', 'rollout', 'x', '--namespace=team-b', '--insecure-skip-tls-verify', '--request-timeout', '5s']);
  assert.equal(g.namespace, 'team-b');
  assert.equal(g.insecureSkipTlsVerify, true);
  assert.equal(g.requestTimeout, '5s');
  const h = await flagsSeen(['create', 'analysisrun', '--from', 't', '-n', 'team-c']);
  assert.equal(h.namespace, 'team-c', 'flags reach nested verbs');
});

test('unknown flags print the error and the usage; missing arguments print usage; exit 1', async () => {
  const unknown = await runInProcess(['promote', 'x', '--bogus']);
  assert.equal(unknown.code, 1);
  assert.match(unknown.stderr, /^Error: unknown flag: --bogus\n\nUsage: vane promote ROLLOUT_NAME \[flags\]/);
  const missing = await runInProcess(['promote'], { invokedAs: 'kubectl-argo-rollouts' });
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^Usage: kubectl-argo-rollouts promote ROLLOUT_NAME \[flags\]/);
  assert.match(missing.stderr, /kubectl argo rollouts promote guestbook --full/);
  const group = await runInProcess(['get']);
  assert.equal(group.code, 1);
  assert.match(group.stderr, /rollout\|ro\|rollouts/);
  const setImage = await runInProcess(['set', 'image', 'x', 'no-equals-sign']);
  assert.equal(setImage.code, 1);
  assert.match(setImage.stderr, /Usage: vane set image ROLLOUT_NAME CONTAINER=IMAGE/);
});

test('argument checks happen before any cluster access (Argo messages)', async () => {
  const both = await runInProcess(['promote', 'x', '-c', '-a']);
  assert.equal(both.stderr, 'Error: Cannot use skip-current-step and skip-all-steps flags at the same time\n');
  const restart = await runInProcess(['restart', 'x', '--in', 'soon']);
  assert.equal(restart.stderr, 'Error: time: invalid duration "soon"\n');
  const create = await runInProcess(['create', 'analysisrun']);
  assert.equal(create.stderr, 'Error: one of --from or --from-file must be specified\n');
  const watchTwo = await runInProcess(['create', '-f', 'a.yaml', '-f', 'b.yaml', '-w']);
  assert.equal(watchTwo.stderr, 'Error: Cannot watch multiple resources\n');
  const status = await runInProcess(['status', 'x', '--timeout', '5']);
  assert.match(status.stderr, /invalid argument "5" for "-t, --timeout" flag/);
});

test('version and version --short', async () => {
  const short = await runInProcess(['version', '--short'], { invokedAs: 'kubectl-argo-rollouts' });
  assert.match(short.stdout, /^kubectl-argo-rollouts: v\d+\.\d+\.\d+\S*\n$/);
  const full = await runInProcess(['version']);
  assert.match(full.stdout, /^vane: v\S+\n {2}BuildDate: .+\n {2}GitCommit: .+\n {2}GitTreeState: .+\n {2}NodeVersion: v.+\n {2}Compiler: .+\n {2}Platform: .+\n$/);
});

test('completion scripts for the four shells, and the candidates they ask for', async () => {
  for (const shell of ['bash', 'zsh', 'fish', 'powershell']) {
    const r = await runInProcess(['completion', shell], { invokedAs: 'kubectl-argo-rollouts' });
    assert.equal(r.code, 0, shell);
    assert.match(r.stdout, /kubectl-argo-rollouts'? __complete/);
  }
  assert.match((await runInProcess(['completion', 'bash'])).stdout, /complete -o default -F _vane vane/);
  assert.equal((await runInProcess(['completion', 'tcsh'])).stderr, 'Error: invalid argument "tcsh" for "vane completion"\n');
  const program = buildProgram('kubectl-argo-rollouts');
  assert.ok((await completions(program, [], {})).includes('promote'));
  assert.ok((await completions(program, ['get'], {})).includes('rollout'));
  assert.ok((await completions(program, ['promote'], { KUBECONFIG: '/nonexistent' })).includes('--full'));
  assert.deepEqual(resolveWords(program, ['-n', 'ns', 'get', 'ro']).path, ['get', 'rollout']);
  assert.equal(resolveWords(program, ['get', 'ro', '-n', 'ns']).flags.namespace, 'ns');
});

function tmpKubeconfigs(files: Record<string, string>): { dir: string; paths: Record<string, string> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vane-kc-'));
  const paths: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    paths[name] = path.join(dir, name);
    fs.writeFileSync(paths[name], text);
  }
  return { dir, paths };
}

test('kubeconfig: merge (first file wins), current context, overrides, relative paths, plugins', () => {
  const { dir, paths } = tmpKubeconfigs({
    a: `apiVersion: v1
kind: Config
current-context: dev
clusters:
- name: dev
  cluster: {server: "https://dev:6443", certificate-authority: certs/ca.pem}
users:
- name: dev
  user: {token: dev-token}
- name: sso
  user:
    exec: {apiVersion: client.authentication.k8s.io/v1, command: ./bin/login, args: [token]}
contexts:
- name: dev
  context: {cluster: dev, user: dev, namespace: team-dev}
- name: sso
  context: {cluster: dev, user: sso}
`,
    b: `apiVersion: v1
kind: Config
current-context: prod
clusters:
- name: dev
  cluster: {server: "https://shadowed:6443"}
- name: prod
  cluster: {server: "https://prod:6443", insecure-skip-tls-verify: true}
users:
- name: prod
  user: {username: admin, password: secret, as: someone}
contexts:
- name: prod
  context: {cluster: prod, user: prod}
`,
  });
  const merged = readKubeconfigs([paths['a']!, paths['b']!]);
  const dev = resolveKubeconfig(merged, {});
  assert.equal(dev.contextName, 'dev', 'the first current-context wins');
  assert.equal(dev.server, 'https://dev:6443', 'the first file defining a cluster wins');
  assert.equal(dev.caFile, path.join(dir, 'certs/ca.pem'), 'relative paths are relative to the kubeconfig');
  assert.equal(dev.namespace, 'team-dev');
  assert.equal(dev.token, 'dev-token');
  assert.equal(resolveKubeconfig(merged, { namespace: 'other' }).namespace, 'other');

  const prod = resolveKubeconfig(merged, { context: 'prod' });
  assert.equal(prod.server, 'https://prod:6443');
  assert.equal(prod.insecureSkipTlsVerify, true);
  assert.equal(prod.namespace, 'default');
  assert.equal(prod.username, 'admin');
  assert.deepEqual(prod.impersonate, { user: 'someone', groups: undefined, uid: undefined });

  const overridden = resolveKubeconfig(merged, { context: 'prod', server: 'https://elsewhere', token: 'tok', user: 'dev', as: 'me' });
  assert.equal(overridden.server, 'https://elsewhere');
  assert.equal(overridden.token, 'tok');
  assert.equal(overridden.impersonate?.user, 'me');

  const sso = resolveKubeconfig(merged, { context: 'sso' });
  assert.ok(sso.pluginKubeconfig, 'exec users go through client-node');
  assert.match(sso.pluginKubeconfig!, new RegExp(`command: ${path.join(dir, 'bin/login').replaceAll('/', '\\/')}`));
  assert.equal(resolveKubeconfig(merged, { context: 'sso', token: 'x' }).pluginKubeconfig, undefined, '--token replaces the plugin');

  assert.throws(() => resolveKubeconfig(merged, { context: 'nope' }), /context was not found for specified context: nope/);
  assert.throws(() => resolveKubeconfig(merged, { cluster: 'nope' }), /cluster "nope" does not exist/);
  assert.throws(() => resolveKubeconfig(readKubeconfigs([]), {}), /no configuration has been provided/);
  fs.rmSync(dir, { recursive: true, force: true });
});

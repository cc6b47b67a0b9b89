/**
 * Runs the CLI program in-process with captured output (no cluster needed for lint, version,
 * completion, usage errors), and the built binaries as child processes.
 */
import { spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import path from 'node:path';
import { buildProgram } from '../../src/cli/program.ts';
import { cliName, type CliContext, type InvokedAs } from '../../src/cli/context.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
}

/** Parses `args` with a fresh program; commander's own exits are turned into exit codes. */
export async function runInProcess(args: string[], opts: { invokedAs?: InvokedAs; env?: NodeJS.ProcessEnv; now?: number } = {}): Promise<RunResult> {
  const invokedAs = opts.invokedAs ?? 'vane';
  const out = new Capture();
  const err = new Capture();
  const ctx: CliContext = {
    invokedAs,
    cliName: cliName(invokedAs),
    out: out as unknown as CliContext['out'],
    err: err as unknown as CliContext['err'],
    env: opts.env ?? { ...process.env, TERM: 'xterm' },
    now: () => opts.now ?? Date.now(),
    connect: () => Promise.reject(new Error('no cluster in this test')),
    release: async () => {},
  };
  const program = buildProgram(invokedAs, ctx);
  const exitOverride = (c: import('commander').Command): void => {
    c.exitOverride();
    for (const sub of c.commands) exitOverride(sub);
  };
  exitOverride(program);
  const saved = process.exitCode;
  process.exitCode = 0;
  let code = 0;
  try {
    await program.parseAsync(args, { from: 'user' });
    code = Number(process.exitCode ?? 0);
  } catch (e) {
    code = typeof (e as { exitCode?: unknown }).exitCode === 'number' ? (e as { exitCode: number }).exitCode : 1;
  } finally {
    process.exitCode = saved;
  }
  return { stdout: out.text, stderr: err.text, code };
}

/** Runs an executable to completion, collecting its output. */
export function runProcess(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; timeoutMs?: number; input?: string } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code: code ?? 1 });
    });
    child.stdin.end(opts.input ?? '');
  });
}

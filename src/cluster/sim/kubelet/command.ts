/**
 * What a container's command does, for the simulation: a small reading of `command` + `args` (or
 * the script after `sh -c`) that recognises `exit N`, `true`, `false`, `sleep N` and harmless output
 * statements (`echo`, `printf`, `date`, …) joined by `;`, `&&` or newlines. Anything else is an
 * unknown program (a server, usually), which the caller treats according to the restart policy.
 */
export type Program =
  /** Exits with `code` after running `runMs` (simulated ms, not yet scaled). */
  | { kind: 'exit'; code: number; runMs: number }
  /** Runs until stopped (`sleep infinity`). */
  | { kind: 'forever' }
  | { kind: 'unknown' };

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'busybox']);
const HARMLESS = new Set(['echo', 'printf', 'date', 'env', 'hostname', 'cat', 'ls', 'pwd', 'whoami', 'id', 'uname', ':']);
const SLEEP_UNIT_MS: Record<string, number> = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** The shell script a command line amounts to. */
export function scriptOf(command: readonly string[] = [], args: readonly string[] = []): string {
  const argv = [...command, ...args];
  if (argv.length === 0) return '';
  let i = 0;
  if (basename(argv[0] ?? '') === 'busybox' && argv[1] && SHELLS.has(argv[1])) i = 1;
  if (SHELLS.has(basename(argv[i] ?? ''))) {
    const c = argv.indexOf('-c', i + 1);
    const ec = argv.indexOf('-ec', i + 1);
    const at = c >= 0 ? c : ec;
    if (at >= 0) return argv[at + 1] ?? '';
    return '';
  }
  return argv.join(' ');
}

function parseSleep(arg: string | undefined): number | undefined {
  if (arg === undefined) return undefined;
  if (arg === 'infinity' || arg === 'inf') return Infinity;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  return Number(m[1]) * (SLEEP_UNIT_MS[m[2] ?? ''] ?? 1000);
}

/** Reads a script; see the module comment. */
export function parseProgram(command: readonly string[] = [], args: readonly string[] = []): Program {
  const script = scriptOf(command, args).trim();
  if (!script) return { kind: 'unknown' };
  const statements = script
    .split(/;|&&|\n/)
    .map((s) => s.trim())
    .filter(Boolean);
  let runMs = 0;
  for (const stmt of statements) {
    const words = stmt.split(/\s+/);
    const verb = basename(words[0] ?? '');
    if (verb === 'exit') {
      const code = words[1] === undefined ? 0 : Number(words[1]);
      if (!Number.isInteger(code)) return { kind: 'unknown' };
      return { kind: 'exit', code: ((code % 256) + 256) % 256, runMs };
    }
    if (verb === 'true') continue;
    if (verb === 'false') return { kind: 'exit', code: 1, runMs };
    if (verb === 'sleep') {
      const ms = parseSleep(words[1]);
      if (ms === undefined) return { kind: 'unknown' };
      if (ms === Infinity) return { kind: 'forever' };
      runMs += ms;
      continue;
    }
    if (HARMLESS.has(verb)) continue;
    return { kind: 'unknown' };
  }
  return { kind: 'exit', code: 0, runMs };
}

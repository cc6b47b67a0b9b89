/** What every command gets: output streams, environment, clock, its own name and a way to reach the cluster. */
import type { Command } from 'commander';
import type { KubeFlags } from './kube/flags.ts';
import type { KubeSession } from './kube/connect.ts';

export type InvokedAs = 'vane' | 'kubectl-argo-rollouts';

export interface CliOutput {
  write(chunk: string): unknown;
}

export interface CliContext {
  readonly invokedAs: InvokedAs;
  /** How examples name the CLI: `kubectl argo rollouts` or `vane`. */
  readonly cliName: string;
  readonly out: CliOutput & NodeJS.WritableStream;
  readonly err: CliOutput & NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
  now(): number;
  /** Connects with the command's global flags (once; later calls share the session). */
  connect(cmd: Command): Promise<KubeSession>;
  /** Closes the session, if any (the action wrapper calls it when a verb ends). */
  release(): Promise<void>;
}

export function cliName(invokedAs: InvokedAs): string {
  return invokedAs === 'vane' ? 'vane' : 'kubectl argo rollouts';
}

/** The global (kubeconfig) flags as the command saw them. */
export function kubeFlags(cmd: Command): KubeFlags {
  return cmd.optsWithGlobals<KubeFlags>();
}

export function defaultContext(invokedAs: InvokedAs): CliContext {
  let session: Promise<KubeSession> | undefined;
  return {
    invokedAs,
    cliName: cliName(invokedAs),
    out: process.stdout,
    err: process.stderr,
    env: process.env,
    now: () => Date.now(),
    connect(cmd) {
      session ??= import('./kube/connect.ts').then((m) => m.connect(kubeFlags(cmd), process.env));
      return session;
    },
    async release() {
      const s = session;
      session = undefined;
      if (s) (await s.catch(() => undefined))?.close();
    },
  };
}

/** How the CLI reports failures: one `Error: …` line on stderr, or the command's usage. */
import { isKubeApiError } from '../kube/rest-errors.ts';

/** The command was called wrongly (missing or extra arguments): print its usage, exit 1. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(message = 'usage') {
    super(message);
  }
}

/** Exit non-zero without another line (the command already printed what it had to say). */
export class SilentExit extends Error {
  override readonly name = 'SilentExit';
  constructor(readonly exitCode = 1) {
    super(`exit ${exitCode}`);
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'ETIMEDOUT', 'EAI_AGAIN', 'CERT_HAS_EXPIRED', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID']);

/** The text after `Error: ` for any failure. */
export function errorMessage(err: unknown): string {
  if (isKubeApiError(err)) return err.message;
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code && NETWORK_CODES.has(code)) return `unable to connect to the server: ${err.message}`;
    return err.message;
  }
  return String(err);
}

/**
 * The logging surface this package needs; a pino Logger satisfies it. Defaults to silence so that
 * library code never writes to stdout on its own.
 */
export interface KubeLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

const noop = (): void => {};

export const silentLogger: KubeLogger = { debug: noop, info: noop, warn: noop, error: noop };

/** A short, loggable form of an error. */
export function errText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

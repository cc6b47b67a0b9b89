/** Runs a watch until Ctrl-C / SIGTERM, an optional timeout, or `done()` is called. */

export interface WatchLifetime {
  /** Resolves when the watch should end; `reason` says why. */
  ended: Promise<'signal' | 'timeout' | 'done'>;
  done(): void;
}

export function watchLifetime(timeoutMs: number | undefined): WatchLifetime {
  let finish!: (reason: 'signal' | 'timeout' | 'done') => void;
  const ended = new Promise<'signal' | 'timeout' | 'done'>((resolve) => (finish = resolve));
  const onSignal = (): void => finish('signal');
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const timer = timeoutMs !== undefined && timeoutMs > 0 ? setTimeout(() => finish('timeout'), timeoutMs) : undefined;
  void ended.then(() => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (timer) clearTimeout(timer);
  });
  return { ended, done: () => finish('done') };
}

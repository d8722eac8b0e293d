/**
 * A job's timer: a tick right away, then one every `intervalMs`; a tick never overlaps the one still running (it
 * is skipped), errors go to `onError`, and `stop` waits for the tick in progress. The timer does not keep the
 * process alive.
 */
export interface PeriodicJob {
  start(): void;
  stop(): Promise<void>;
}

export function periodic(
  runTick: () => Promise<unknown>,
  intervalMs: number,
  onError?: (err: unknown) => void,
): PeriodicJob {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = runTick()
      .catch((err) => onError?.(err))
      .finally(() => {
        running = null;
      });
  };
  return {
    start() {
      if (timer) return;
      timer = setInterval(tick, intervalMs);
      timer.unref?.();
      tick();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}

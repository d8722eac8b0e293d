/**
 * A task that callers may ask for at any time, each needing a run that STARTS after they asked (bringing a cache up
 * to date, flushing a file to disk): one run at a time; callers arriving during a run share the next one. So N
 * callers during a run cost one more run, not N, and nobody is answered by a run that began before they asked.
 */
export function coalesced(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const ask = (): Promise<void> => {
    if (!running) {
      running = task().finally(() => {
        running = null;
      });
      return running;
    }
    if (!next) {
      next = running
        .catch(() => undefined)
        .then(() => {
          next = null;
          return ask();
        });
    }
    return next;
  };
  return ask;
}

/**
 * Work every replica does in the background on a timer — jobs, the mail outbox, directory syncs: one turn at
 * a time (a tick that comes while a turn runs is skipped), a failed turn handed to `onError`, and stop()
 * waiting for the turn under way. The timer does not keep the process alive.
 */
export function backgroundLoop(turn: () => Promise<unknown>, onError: (error: unknown) => void) {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  const next = () => {
    if (running) return;
    running = turn()
      .catch(onError)
      .finally(() => {
        running = undefined;
      });
  };
  return {
    /** A turn every `intervalMs`; the first one at once with `immediately`. */
    start(intervalMs: number, immediately = false) {
      if (immediately) next();
      timer = setInterval(next, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

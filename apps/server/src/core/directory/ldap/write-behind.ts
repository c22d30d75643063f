/**
 * A sync's pages in two stages: `prepare` (mapping the entries: CPU in this process) runs for a page while
 * the `write` of the page before it (one database transaction: the database's CPU) is still in flight. With
 * read-ahead (read-ahead.ts) the DC, PinDesk and the database then each work on a page of their own instead
 * of in turn — on two busy cores, three processes with work get three shares of them. Writes stay one at a
 * time, in page order, each its own transaction, so a later page's collision check sees the earlier pages.
 * A failed write stops the loop at the next page; a failure of the source waits for the write in flight to
 * settle first, so no transaction outlives the pass that started it.
 */
export async function writeBehind<P, M>(
  pages: AsyncIterable<P>,
  prepare: (page: P) => M,
  write: (prepared: M) => Promise<void>,
): Promise<void> {
  let inFlight: Promise<void> | undefined;
  try {
    for await (const page of pages) {
      const prepared = prepare(page);
      await inFlight;
      inFlight = write(prepared);
      // Its failure is the loop's at the next page (or the end); until then it is not unhandled.
      inFlight.catch(() => undefined);
    }
    await inFlight;
  } finally {
    await inFlight?.catch(() => undefined);
  }
}

/**
 * Pages of an LDAP search, the next one asked for while the caller writes this one. A sync is a loop of "read
 * a page from the DC, write it to the database"; done in turn, each side waits for the other, and the bench
 * found the sync process idle two thirds of a full pass. Reading one page ahead overlaps the DC's work with
 * PinDesk's, and holds at most two pages in memory. Order, errors and the end are the source's: a page that
 * fails to arrive fails the loop when the caller asks for it, after the page before it was written.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T, void, undefined> {
  const pages = source[Symbol.asyncIterator]();
  let next = pages.next();
  // A failure of the page being fetched is the caller's at its next step; until then it is not unhandled.
  next.catch(() => undefined);
  let finished = false;
  try {
    for (;;) {
      const page = await next;
      if (page.done) {
        finished = true;
        return;
      }
      next = pages.next();
      next.catch(() => undefined);
      yield page.value;
    }
  } finally {
    // The caller stopped early (a break, or its own error): let the source close its search.
    if (!finished) await pages.return?.().catch(() => undefined);
  }
}

/**
 * PINHistoryCount (docs/design.md, "PIN policy"): "the number of resets before an old PIN may be reused"
 * (Lync's Set-CsPinPolicy). With a count of N, a PIN a user sets on the Dial-in Conferencing page may be none of
 * their last N PINs — the current one and the N − 1 before it — so with N = 1 only the current PIN is refused,
 * and 0 lets any PIN be used again. An administrator's Set PIN does not enforce it (Set-CsClientPin re-issues
 * any PIN); both keep the history. The PINs are compared by verifying the candidate against their argon2id
 * hashes: the history holds no PIN, and the message below never repeats one.
 */

/** The hashes a new PIN must match none of, newest first: at most `historyCount`, the current one first. */
export function hashesToRefuse(
  current: string | null,
  recent: readonly string[],
  historyCount: number,
): string[] {
  const newestFirst = current ? [current, ...recent] : [...recent];
  return newestFirst.slice(0, Math.max(0, historyCount));
}

export function pinHistoryMessage(historyCount: number): string {
  return historyCount === 1
    ? "Choose a PIN other than your current one: the PIN policy does not allow setting it again"
    : `Choose a PIN other than your last ${historyCount}: the PIN policy does not allow using a recent PIN again`;
}

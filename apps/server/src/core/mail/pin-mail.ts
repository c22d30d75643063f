/**
 * Set PIN with "Send the PIN to the user by email" (docs/design.md, "Email"): a user without a `mail`
 * attribute gets no PIN at all (decision 0023: a PIN nobody can be told is a PIN nobody can use, and the
 * old one keeps working), and each new PIN leaves the transaction only sealed, in its outbox message.
 */
import { NO_MAIL_MESSAGE } from "@pindesk/domain/mail/mail-api";
import type { SetPinResult } from "@pindesk/domain/pins/pin-api";
import type { Kysely } from "kysely";
import type { PinVault } from "../../crypto/pin-vault.ts";
import type { Database } from "../../db/schema.ts";
import type { Decide } from "../pins/apply-decisions.ts";
import { queueMail } from "./outbox-store.ts";

/** The same decision, refusing first whoever has no address to send the PIN to. */
export function emailOnly<R extends SetPinResult>(
  decide: Decide<R>,
  addresses: ReadonlyMap<number, string>,
): Decide<R> {
  return (user, row, policy, now) =>
    addresses.has(user.id)
      ? decide(user, row, policy, now)
      : { outcome: "Rejected", message: NO_MAIL_MESSAGE };
}

export const EMAILED_MESSAGE = "PIN generated and sent to the user by email";

/** The results as the administrator sees them: no PIN, and the new ones said to be on their way. */
export const emailedResults = (results: readonly SetPinResult[]): SetPinResult[] =>
  results.map(({ pin, ...result }) => (pin ? { ...result, message: EMAILED_MESSAGE } : result));

/**
 * Queues a message for each new PIN, sealed, in the caller's transaction; answers the messages' ids by the
 * index of their result. `seqOf` links a job's messages to its result rows, which must exist by then.
 */
export async function queuePinMails(
  trx: Kysely<Database>,
  results: readonly SetPinResult[],
  addresses: ReadonlyMap<number, string>,
  vault: PinVault,
  now: Date,
  job?: { id: number; seqOf: (index: number) => number },
): Promise<Map<number, number>> {
  const sending = results.flatMap((result, index) => {
    const to = result.userId === null ? undefined : addresses.get(result.userId);
    return result.pin && to && result.userId !== null
      ? [{ userId: result.userId, index, to, pin: result.pin }]
      : [];
  });
  const ids = await queueMail(
    trx,
    sending.map(({ userId, index, to, pin }) => ({
      kind: "pin" as const,
      userId,
      to,
      pinSealed: vault.seal(pin),
      ...(job ? { job: { id: job.id, seq: job.seqOf(index) } } : {}),
    })),
    now,
  );
  return new Map(sending.flatMap(({ index }, i) => (ids[i] === undefined ? [] : [[index, ids[i]]])));
}

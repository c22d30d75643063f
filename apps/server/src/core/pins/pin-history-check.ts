/**
 * Whether a PIN the user chose is one of their recent PINs (PINHistoryCount; packages/domain's pin-history.ts
 * says which). The history is argon2id hashes, so each is verified in turn: up to 20 verifications of about
 * 17 ms each for the longest history Lync allows, paid only when a user sets their own PIN.
 */
import { hashesToRefuse } from "@pindesk/domain/pins/pin-history";
import type { PinHasher } from "../../crypto/pin-hasher.ts";
import type { PinRow } from "./pin-state-store.ts";

export async function reusesRecentPin(
  hasher: Pick<PinHasher, "verify">,
  row: Pick<PinRow, "pin_hash" | "recent_pin_hashes"> | undefined,
  pin: string,
  historyCount: number,
): Promise<boolean> {
  for (const hash of hashesToRefuse(row?.pin_hash ?? null, row?.recent_pin_hashes ?? [], historyCount)) {
    if (await hasher.verify(hash, pin)) return true;
  }
  return false;
}

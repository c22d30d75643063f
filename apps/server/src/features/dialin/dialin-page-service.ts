/**
 * What the Dial-in Conferencing Settings page shows a signed-in user, and their Set PIN (docs/design.md,
 * "Dial-in Conferencing Settings page"): their name and SIP address, their PIN's state, their effective PIN
 * policy in words, the access numbers of their region and whom to contact.
 */
import { accessNumbersForUser, type DialInPage } from "@pindesk/domain/dial-in/dial-in-page";
import { pinPolicyInWords } from "@pindesk/domain/pins/pin-policy-words";
import { lockReason } from "@pindesk/domain/pins/pin-status";
import type { CoreDependencies } from "../../core/dependencies.ts";
import { listAccessNumberRows, toAccessNumber } from "../../core/dial-in/access-number-store.ts";
import { type DialInSession, endUserActor } from "../../core/dialin/dialin-session-store.ts";
import { type DialInUser, findDialInUser } from "../../core/dialin/dialin-user.ts";
import { setOwnPin } from "../../core/dialin/set-own-pin.ts";
import { notFound } from "../../core/errors.ts";
import { pinPolicyResolver } from "../../core/pin-policies/effective-pin-policy.ts";
import { loadPinRows, lockoutState } from "../../core/pins/pin-state-store.ts";

export function createDialInPageService(
  { db, clock, pins }: Pick<CoreDependencies, "db" | "clock" | "pins">,
  helpContact: string,
) {
  async function userOf(session: DialInSession): Promise<DialInUser> {
    const user = await findDialInUser(db, session.userId);
    // The session row goes with its user (a cascade); this is a user removed during the request.
    if (!user) throw notFound("Your account is no longer in PinDesk's directory.");
    return user;
  }

  return {
    async page(session: DialInSession): Promise<DialInPage> {
      const user = await userOf(session);
      const now = clock.now();
      const row = (await loadPinRows(db, [user.id])).get(user.id);
      const policy = (await pinPolicyResolver(db))(user);
      const numbers = (await listAccessNumberRows(db)).map(toAccessNumber);
      const reason = lockReason(lockoutState(row), now);
      const expires = row?.pin_hash ? row.pin_expires_at : null;
      const { region, numbers: served } = accessNumbersForUser(numbers, [
        user.siteName,
        user.office,
        user.city,
      ]);
      return {
        displayName: user.displayName,
        sipAddress: user.sipAddress,
        logon: user.logon,
        pin: {
          isPinSet: Boolean(row?.pin_hash),
          lastPinChangeTime: row?.pin_set_at?.toISOString() ?? null,
          pinExpirationTime: expires?.toISOString() ?? null,
          isExpired: expires ? expires.getTime() <= now.getTime() : false,
          lockReason: reason,
          temporaryLockoutEnds:
            reason === "Temporary" ? (row?.temporary_lockout_until?.toISOString() ?? null) : null,
        },
        policy: {
          identity: policy.identity,
          rules: pinPolicyInWords(policy.settings, row?.pin_length ?? null),
        },
        region,
        accessNumbers: served,
        helpContact,
        csrfToken: session.csrfToken,
      };
    },

    async setPin(session: DialInSession, pin: string, clientAddress: string): Promise<void> {
      await setOwnPin({
        db,
        pins,
        actor: endUserActor(session),
        clientAddress,
        user: await userOf(session),
        pin,
        helpContact,
        now: clock.now(),
      });
    },
  };
}

export type DialInPageService = ReturnType<typeof createDialInPageService>;

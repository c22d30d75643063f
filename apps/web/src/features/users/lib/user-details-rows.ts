/** The Show details fields, labelled as the Lync Control Panel and Get-CsClientPinInfo name them. */
import type { LockReason, PinStatus } from "@pindesk/domain/pins/pin-status";
import type { UserDetails } from "@pindesk/domain/users/user";
import { formatDateTime } from "../../../lib/format-date-time.ts";

type Row = readonly [label: string, value: string];

const NONE = "(none)";
const text = (value: string | null) => (value === null || value === "" ? NONE : value);
const yesNo = (value: boolean) => (value ? "Yes" : "No");
const time = (iso: string | null, whenNull: string) => (iso === null ? whenNull : formatDateTime(iso));

const LOCK_REASONS: Record<LockReason, string> = {
  Administrator: "Locked by an administrator",
  TooManyAttempts: "Too many failed attempts (locked until unlocked)",
  Temporary: "Too many failed attempts in 30 minutes (temporary)",
};

export function userPropertyRows(user: UserDetails): Row[] {
  return [
    ["Display name", user.displayName],
    ["First name", text(user.firstName)],
    ["Last name", text(user.lastName)],
    ["SAM account name", user.samAccountName],
    ["Domain\\logon", `${user.netbiosDomain}\\${user.samAccountName}`],
    ["User principal name", text(user.userPrincipalName)],
    ["SIP address", text(user.sipAddress)],
    ["Line URI", text(user.lineUri)],
    ["Distinguished name", user.distinguishedName],
    ["Department", text(user.department)],
    ["Title", text(user.title)],
    ["Office", text(user.office)],
    ["Company", text(user.company)],
    ["City", text(user.city)],
    ["Registrar pool", text(user.registrarPool)],
    ["Site", text(user.site)],
    ["Enabled for Lync Server", yesNo(user.enabled)],
    ["Enterprise Voice", yesNo(user.enterpriseVoiceEnabled)],
    // No per-user policy means the site or Global policy applies, which Lync calls Automatic.
    ["PIN policy", user.pinPolicy ?? "Automatic"],
    ["Effective PIN policy", user.effectivePinPolicy.identity],
    ["Protected user (Domain Admins)", yesNo(user.protected)],
  ];
}

export function pinStatusRows(pin: PinStatus): Row[] {
  return [
    ["Identity", text(pin.identity)],
    // Set, but past its expiration time: as good as none at the bridge until it is set again.
    ["PIN is set", pin.isPinExpired ? "Expired" : yesNo(pin.isPinSet)],
    ["PIN is locked", yesNo(pin.isLockedOut)],
    ["Lock reason", pin.lockReason ? LOCK_REASONS[pin.lockReason] : NONE],
    ["Last PIN change time", time(pin.lastPinChangeTime, NONE)],
    ["PIN expiration time", time(pin.pinExpirationTime, "Never")],
    ["Failed attempts (current window)", String(pin.failedAttempts)],
    ["Total failed attempts", String(pin.totalFailedAttempts)],
    ["Temporary lockout ends", time(pin.temporaryLockoutEnds, NONE)],
  ];
}

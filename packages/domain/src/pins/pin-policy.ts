/**
 * CsPinPolicy (docs/design.md, "PIN policy"): the settings one PIN policy holds, its identity (Global,
 * site:<name>, tag:<name>) and which policy applies to a user. Field names are camelCase of Lync's property
 * names.
 */
import { z } from "zod";

export const MAX_DESCRIPTION_LENGTH = 1024;

/**
 * A whole number in a closed range; one message for every failure so the caller always sees the range. The
 * message names the field as the PIN Policy dialog labels it, with Lync's property name after it for scripts.
 */
const wholeNumber = (property: string, min: number, max: number, unit = "") => {
  const message = `${property} must be a whole number from ${min} to ${max}${unit}`;
  return z.int({ error: message }).min(min, message).max(max, message);
};

/** The fields on their own, without the cross-field rule, so a caller can still `.partial()` them. */
export const PinPolicyFields = z.strictObject({
  description: z
    .string({ error: "Description must be text" })
    .max(MAX_DESCRIPTION_LENGTH, `Description must be at most ${MAX_DESCRIPTION_LENGTH} characters`),
  minPasswordLength: wholeNumber("Minimum PIN length (MinPasswordLength)", 4, 24, " digits"),
  pinHistoryCount: wholeNumber("PIN history (PINHistoryCount)", 0, 20),
  allowCommonPatterns: z.boolean({
    error: "Allow common patterns (AllowCommonPatterns) must be true or false",
  }),
  pinLifetime: wholeNumber("PIN expiration (PINLifetime)", 0, 999, " days (0 = never expires)"),
  // null is Lync's "automatic": the lockout limit then follows the PIN's length (lockout.ts).
  maximumLogonAttempts: wholeNumber(
    "Maximum logon attempts (MaximumLogonAttempts)",
    1,
    999,
    ", or empty for automatic",
  ).nullable(),
});

export const PinPolicySettings = PinPolicyFields.superRefine((policy, ctx) => {
  if (policy.pinLifetime > 0 && policy.pinHistoryCount === 0) {
    ctx.addIssue({
      code: "custom",
      path: ["pinHistoryCount"],
      message:
        "PIN history (PINHistoryCount) must be at least 1 when PIN expiration (PINLifetime) is set: " +
        "otherwise a user could renew an expired PIN with the same PIN",
    });
  }
});
export type PinPolicySettings = z.infer<typeof PinPolicySettings>;

/** Lync's defaults, as Get-CsPinPolicy prints the untouched Global policy (and after Remove-CsPinPolicy). */
export const PIN_POLICY_DEFAULTS: Readonly<PinPolicySettings> = Object.freeze({
  description: "",
  minPasswordLength: 5,
  pinHistoryCount: 0,
  allowCommonPatterns: false,
  pinLifetime: 0,
  maximumLogonAttempts: null,
});

export const PIN_POLICY_SCOPES = ["Global", "Site", "Tag"] as const;
export type PinPolicyScope = (typeof PIN_POLICY_SCOPES)[number];

export type PinPolicyIdentity =
  | { scope: "Global" }
  | { scope: "Site"; name: string }
  | { scope: "Tag"; name: string };

export type PinPolicyIdentityParseResult =
  | { ok: true; identity: PinPolicyIdentity }
  | { ok: false; message: string };

export const MAX_POLICY_NAME_LENGTH = 256;

const PREFIXES = [
  { prefix: "site:", scope: "Site" },
  { prefix: "tag:", scope: "Tag" },
] as const;

/** C0 and C1 control characters, DEL included: they would corrupt logs and listings. */
const hasControlCharacter = (text: string) =>
  Array.from(text).some((char) => {
    const code = char.charCodeAt(0);
    return code < 0x20 || (code >= 0x7f && code <= 0x9f);
  });

const SHAPE_HINT = "a PIN policy identity is Global, site:<site name> or tag:<policy name>";

/**
 * Reads `Global`, `site:Redmond` or `tag:RedmondPinPolicy` (prefixes in any case, as Lync's XdsIdentity).
 * A bare name is refused rather than read as a tag, so that a typo of "Global" cannot create a policy.
 * Messages do not echo the input: it may hold control characters.
 */
export function parsePinPolicyIdentity(text: string): PinPolicyIdentityParseResult {
  const value = text.trim();
  if (value.toLowerCase() === "global") return { ok: true, identity: { scope: "Global" } };
  const match = PREFIXES.find(({ prefix }) => value.toLowerCase().startsWith(prefix));
  if (!match) return { ok: false, message: SHAPE_HINT };
  const name = value.slice(match.prefix.length).trim();
  const label = match.scope === "Site" ? "site name" : "policy name";
  if (name === "") return { ok: false, message: `the ${label} is empty: ${SHAPE_HINT}` };
  if (name.length > MAX_POLICY_NAME_LENGTH) {
    return { ok: false, message: `the ${label} must be at most ${MAX_POLICY_NAME_LENGTH} characters` };
  }
  if (hasControlCharacter(name)) {
    return { ok: false, message: `the ${label} must not contain control characters` };
  }
  return { ok: true, identity: { scope: match.scope, name } };
}

/** Writes an identity the way Get-CsPinPolicy shows it: `Global`, `site:<name>`, `tag:<name>`. */
export function formatPinPolicyIdentity(identity: PinPolicyIdentity): string {
  switch (identity.scope) {
    case "Global":
      return "Global";
    case "Site":
      return `site:${identity.name}`;
    case "Tag":
      return `tag:${identity.name}`;
  }
}

/** Lync identities compare without regard to case; this key is equal for identities that are the same. */
export function pinPolicyIdentityKey(identity: PinPolicyIdentity): string {
  return formatPinPolicyIdentity(identity).toLowerCase();
}

/** The identity as zod text, for API bodies and routes: a string in, a parsed identity out. */
export const PinPolicyIdentityText = z.string().transform((text, ctx): PinPolicyIdentity => {
  const result = parsePinPolicyIdentity(text);
  if (result.ok) return result.identity;
  ctx.addIssue({ code: "custom", message: result.message });
  return z.NEVER;
});

export interface EffectivePinPolicy<P> {
  policy: P;
  scope: PinPolicyScope;
}

/**
 * The policy that applies to a user (docs/design.md, "PIN policy"): their per-user (tag) policy, else the
 * policy of the site of their registrar pool, else Global. Absent levels may be undefined or null.
 */
export function effectivePinPolicy<P>(levels: {
  tag?: P | null;
  site?: P | null;
  global: P;
}): EffectivePinPolicy<P> {
  if (levels.tag != null) return { policy: levels.tag, scope: "Tag" };
  if (levels.site != null) return { policy: levels.site, scope: "Site" };
  return { policy: levels.global, scope: "Global" };
}

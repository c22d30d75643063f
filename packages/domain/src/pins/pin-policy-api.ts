/**
 * The CsPinPolicy cmdlets as API shapes (docs/design.md, "PIN policy", "HTTP API"): Get-, New-, Set-, Remove-
 * and Grant-CsPinPolicy. Shared by the server, the PIN Policy page, the Assign policies dialog and the tests.
 */
import { z } from "zod";
import { type TargetResults, UserTargets } from "../users/user-targets.ts";
import {
  MAX_POLICY_NAME_LENGTH,
  PIN_POLICY_DEFAULTS,
  PinPolicyFields,
  PinPolicyIdentityText,
  type PinPolicyScope,
  PinPolicySettings,
  parsePinPolicyIdentity,
} from "./pin-policy.ts";

/** One policy as Get-CsPinPolicy shows it, with how many users it applies to now. */
export interface PinPolicy {
  id: number;
  /** `Global`, `site:Redmond`, `tag:ExecutivePinPolicy`. */
  identity: string;
  scope: PinPolicyScope;
  /** "Global", the site's name, or the user policy's name (its identity without `tag:`). */
  name: string;
  settings: PinPolicySettings;
  /** Tag: the users assigned it; Site: that site's users without a tag; Global: users with neither. */
  usersAffected: number;
}

/** GET /api/pin-policies: Global, then site policies, then user policies, each by name. */
export interface PinPolicyList {
  policies: PinPolicy[];
  /** Sites that have no site policy yet: the choices of New → Site policy. */
  sitesWithoutPolicy: string[];
}

/** What POST and PUT answer. */
export interface PinPolicyAnswer {
  policy: PinPolicy;
}

/** Remove-CsPinPolicy deletes a site or user policy, but resets Global to Lync's defaults. */
export type RemovePinPolicyAnswer = { removed: true } | { reset: true; policy: PinPolicy };

export const PinPolicyIdParams = z.object({
  id: z.coerce
    .number({ error: "must be a PIN policy id" })
    .int("must be a PIN policy id")
    .min(1)
    .max(2_147_483_647),
});

/** New-CsPinPolicy makes site and user policies only: there is one Global policy, always. */
const NewPolicyIdentity = PinPolicyIdentityText.transform((identity, ctx) => {
  if (identity.scope !== "Global") return identity;
  ctx.addIssue({
    code: "custom",
    message: "there is already a Global policy and only ever one: edit it instead",
  });
  return z.NEVER;
});

/**
 * POST /api/pin-policies: `{ identity: "site:Redmond" | "tag:Name", ...settings }`. Settings left out take
 * Lync's defaults, as with New-CsPinPolicy; the cross-field rule is checked on the settings once filled.
 */
export const NewPinPolicyRequest = PinPolicyFields.partial()
  .extend({ identity: NewPolicyIdentity })
  .strict()
  .superRefine(({ identity: _identity, ...given }, ctx) => {
    const filled = PinPolicySettings.safeParse({ ...PIN_POLICY_DEFAULTS, ...given });
    // Field problems are already reported by the fields; only the rule between fields is left to add.
    for (const issue of filled.error?.issues ?? []) {
      if (issue.code === "custom") ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
    }
  })
  .transform(({ identity, ...given }) => ({
    identity,
    settings: { ...PIN_POLICY_DEFAULTS, ...given } as PinPolicySettings,
  }));
export type NewPinPolicyRequest = z.input<typeof NewPinPolicyRequest>;

/** PUT /api/pin-policies/:id (Set-CsPinPolicy): every setting, validated as a whole. */
export const UpdatePinPolicyRequest = PinPolicySettings;
export type UpdatePinPolicyRequest = PinPolicySettings;

const GLOBAL_NOT_ASSIGNABLE =
  "the Global policy cannot be assigned: it applies to everyone without a site or user policy; " +
  "choose automatic (null) instead";
const SITE_NOT_ASSIGNABLE =
  "a site policy cannot be assigned: it applies to the users homed on that site's registrar pools; " +
  "choose automatic (null) instead";

/**
 * Grant-CsPinPolicy's PolicyName: a user policy's name, with or without `tag:`; null is automatic (the
 * site's policy or Global). Answers the name without `tag:`.
 */
export const AssignablePolicyName = z
  .string({ error: "name a user PIN policy (Name or tag:Name), or null for automatic" })
  .trim()
  .min(1, "name a user PIN policy (Name or tag:Name), or null for automatic")
  .max(MAX_POLICY_NAME_LENGTH + 4, `must be at most ${MAX_POLICY_NAME_LENGTH} characters`)
  .transform((text, ctx) => {
    const lower = text.toLowerCase();
    const prefixed = lower === "global" || lower.startsWith("site:") || lower.startsWith("tag:");
    const parsed = parsePinPolicyIdentity(prefixed ? text : `tag:${text}`);
    if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.message });
    else if (parsed.identity.scope === "Global")
      ctx.addIssue({ code: "custom", message: GLOBAL_NOT_ASSIGNABLE });
    else if (parsed.identity.scope === "Site") ctx.addIssue({ code: "custom", message: SITE_NOT_ASSIGNABLE });
    else return parsed.identity.name;
    return z.NEVER;
  })
  .nullable();

/** POST /api/pin-policies/assign: the users (ids or identities, whatIf) and the policy, or null. */
export const AssignPinPolicyRequest = UserTargets.extend({ policy: AssignablePolicyName }).strict();
export type AssignPinPolicyRequest = z.input<typeof AssignPinPolicyRequest>;

export interface AssignPinPolicyAnswer extends TargetResults {
  /** The policy assigned: `tag:Name`, or null for automatic. */
  policy: string | null;
}

/**
 * The New/Edit PIN policy form as the person types it, checked live with the same PinPolicySettings schema
 * the server uses, so each problem shows under its field before anything is sent.
 */
import { lockoutLimits } from "@pindesk/domain/pins/lockout";
import { type PinPolicySettings, PinPolicySettings as SettingsSchema } from "@pindesk/domain/pins/pin-policy";

/** Numbers stay as typed text, so "3" or "" can be shown with the reason rather than silently corrected. */
export interface PolicyDraft {
  description: string;
  minPasswordLength: string;
  pinHistoryCount: string;
  allowCommonPatterns: boolean;
  pinLifetime: string;
  /** Lync's "Specify maximum logon attempts": off is automatic (by PIN length). */
  specifyMaximumLogonAttempts: boolean;
  maximumLogonAttempts: string;
}

export type SettingsField = keyof PinPolicySettings;
export type DraftErrors = Partial<Record<SettingsField, string>>;

export function draftFrom(settings: PinPolicySettings): PolicyDraft {
  return {
    description: settings.description,
    minPasswordLength: String(settings.minPasswordLength),
    pinHistoryCount: String(settings.pinHistoryCount),
    allowCommonPatterns: settings.allowCommonPatterns,
    pinLifetime: String(settings.pinLifetime),
    specifyMaximumLogonAttempts: settings.maximumLogonAttempts !== null,
    maximumLogonAttempts: settings.maximumLogonAttempts === null ? "" : String(settings.maximumLogonAttempts),
  };
}

/** Whole numbers as numbers; anything else stays text, which the schema refuses with the field's range. */
const numberOf = (text: string): unknown => (/^\s*-?\d+\s*$/.test(text) ? Number(text) : text);

/**
 * When the person turns on Specify maximum logon attempts, the box starts at the limit automatic would
 * apply to a PIN of the minimum length: a reasonable number rather than an empty field.
 */
export function suggestedLogonAttempts(draft: PolicyDraft): string {
  const length = numberOf(draft.minPasswordLength);
  return String(lockoutLimits(typeof length === "number" ? length : 5, null).local);
}

export function checkDraft(draft: PolicyDraft): { settings?: PinPolicySettings; errors: DraftErrors } {
  const result = SettingsSchema.safeParse({
    description: draft.description,
    minPasswordLength: numberOf(draft.minPasswordLength),
    pinHistoryCount: numberOf(draft.pinHistoryCount),
    allowCommonPatterns: draft.allowCommonPatterns,
    pinLifetime: numberOf(draft.pinLifetime),
    maximumLogonAttempts: draft.specifyMaximumLogonAttempts ? numberOf(draft.maximumLogonAttempts) : null,
  });
  if (result.success) return { settings: result.data, errors: {} };
  const errors: DraftErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as SettingsField;
    errors[field] ??= issue.message;
  }
  return { errors };
}

/**
 * The New/Edit dial-in access number form as the person types it, the request it sends, and where the
 * server's refusal goes: each detail under the field its path names (`body.regions.1` under Regions), so the
 * server's rules are the form's, stated once in packages/domain.
 */
import type {
  DialInAccessNumber,
  NewDialInAccessNumberRequest,
} from "@pindesk/domain/dial-in/access-number-api";
import type { ApiErrorDetail } from "@pindesk/domain/http/api-error";

export interface AccessNumberDraft {
  displayName: string;
  displayNumber: string;
  lineUri: string;
  primaryLanguage: string;
  secondaryLanguages: string[];
  /** Typed as one line, names separated by commas, as Lync's -Regions "Redmond", "North America". */
  regions: string;
  priority: string;
}

export type DraftField = keyof AccessNumberDraft;
export type DraftErrors = Partial<Record<DraftField, string>>;

export const EMPTY_DRAFT: AccessNumberDraft = {
  displayName: "",
  displayNumber: "",
  lineUri: "",
  primaryLanguage: "en-US",
  secondaryLanguages: [],
  regions: "",
  priority: "0",
};

export function draftFrom(number: DialInAccessNumber): AccessNumberDraft {
  return {
    displayName: number.displayName,
    displayNumber: number.displayNumber,
    lineUri: number.lineUri,
    primaryLanguage: number.primaryLanguage,
    secondaryLanguages: [...number.secondaryLanguages],
    regions: number.regions.join(", "),
    priority: String(number.priority),
  };
}

/** Regions split at commas, blanks dropped; a whole number stays a number, anything else text the server refuses. */
export function requestFrom(draft: AccessNumberDraft): NewDialInAccessNumberRequest {
  const priority = /^\s*\d+\s*$/.test(draft.priority) ? Number(draft.priority) : draft.priority;
  return {
    displayName: draft.displayName,
    displayNumber: draft.displayNumber,
    lineUri: draft.lineUri,
    primaryLanguage: draft.primaryLanguage as NewDialInAccessNumberRequest["primaryLanguage"],
    secondaryLanguages: draft.secondaryLanguages as NewDialInAccessNumberRequest["secondaryLanguages"],
    regions: draft.regions
      .split(",")
      .map((region) => region.trim())
      .filter((region) => region !== ""),
    priority: priority as number,
  };
}

const FIELDS = new Set<string>(Object.keys(EMPTY_DRAFT));

/**
 * The server's details by form field (the first for each); `rest` holds those no field shows — a path of
 * the body as a whole, or none — which the dialog shows above its buttons instead.
 */
export function fieldErrors(details: readonly ApiErrorDetail[]): {
  errors: DraftErrors;
  rest: ApiErrorDetail[];
} {
  const errors: DraftErrors = {};
  const rest: ApiErrorDetail[] = [];
  for (const detail of details) {
    const [part, field] = detail.path.split(".");
    if (part === "body" && field && FIELDS.has(field)) errors[field as DraftField] ??= detail.message;
    else rest.push(detail);
  }
  return { errors, rest };
}

/**
 * The CsDialInConferencingAccessNumber cmdlets as API shapes (docs/design.md, "Dial-in access numbers",
 * "HTTP API"): Get-, New-, Set- and Remove-. Shared by the server, the Dial-in access numbers page and the
 * tests.
 */
import { z } from "zod";
import {
  type DialInAccessNumberSettings,
  MAX_REGION_LENGTH,
  DialInAccessNumberSettings as Settings,
} from "./access-number.ts";

/** One access number as Get-CsDialInConferencingAccessNumber shows it. */
export interface DialInAccessNumber extends DialInAccessNumberSettings {
  id: number;
}

/** GET /api/dial-in-numbers: by priority, then display name. */
export interface DialInAccessNumberList {
  numbers: DialInAccessNumber[];
}

/** What POST and PUT answer. */
export interface DialInAccessNumberAnswer {
  number: DialInAccessNumber;
}

/** GET /api/dial-in-numbers?region=Redmond: only the numbers serving that region (any case). */
export const DialInAccessNumberQuery = z.strictObject({
  region: z
    .string()
    .trim()
    .min(1, "region must not be empty: leave it out to list every number")
    .max(MAX_REGION_LENGTH, `region must be at most ${MAX_REGION_LENGTH} characters`)
    .optional(),
});
export type DialInAccessNumberQuery = z.output<typeof DialInAccessNumberQuery>;

export const DialInAccessNumberIdParams = z.object({
  id: z.coerce
    .number({ error: "must be a dial-in access number id" })
    .int("must be a dial-in access number id")
    .min(1, "must be a dial-in access number id")
    .max(2_147_483_647, "must be a dial-in access number id"),
});

/** POST /api/dial-in-numbers (New-): SecondaryLanguages and Priority may be left out ([] and 0). */
export const NewDialInAccessNumberRequest = Settings;
export type NewDialInAccessNumberRequest = z.input<typeof Settings>;

/** PUT /api/dial-in-numbers/:id (Set-): every field, as New- takes them; what is left out takes its default. */
export const UpdateDialInAccessNumberRequest = Settings;
export type UpdateDialInAccessNumberRequest = z.input<typeof Settings>;

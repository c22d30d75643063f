/**
 * A dial-in conferencing access number (New-/Set-CsDialInConferencingAccessNumber; docs/design.md,
 * "Dial-in access numbers"): the number people dial to join a meeting's audio, the regions it serves and the
 * languages its attendant speaks. Field names are camelCase of Lync's parameter names; messages name the
 * parameter and say what it takes.
 */
import { z } from "zod";
import { ATTENDANT_LANGUAGES, attendantLanguage } from "./attendant-languages.ts";

export const MAX_DISPLAY_NAME_LENGTH = 128;
export const MAX_DISPLAY_NUMBER_LENGTH = 64;
export const MAX_SECONDARY_LANGUAGES = 4;
export const MAX_REGIONS = 10;
export const MAX_REGION_LENGTH = 64;
/** E.164: a country code and number of at most 15 digits. */
export const MAX_LINE_URI_DIGITS = 15;
export const MAX_EXTENSION_DIGITS = 10;
export const MAX_PRIORITY = 999;

/** C0 and C1 control characters, DEL included: they are not printable and would corrupt listings. */
const hasControlCharacter = (text: string) =>
  Array.from(text).some((char) => {
    const code = char.charCodeAt(0);
    return code < 0x20 || (code >= 0x7f && code <= 0x9f);
  });

/** Trimmed text of 1 to `max` characters without control characters; one message per failure, naming `property`. */
const printableText = (property: string, max: number) => {
  const length = `${property} must be 1 to ${max} characters`;
  return z
    .string({ error: `${property} must be text` })
    .trim()
    .min(1, length)
    .max(max, length)
    .refine((text) => !hasControlCharacter(text), `${property} must not contain control characters`);
};

const LINE_URI = new RegExp(
  `^tel:\\+(\\d{1,${MAX_LINE_URI_DIGITS}})(;ext=(\\d{1,${MAX_EXTENSION_DIGITS}}))?$`,
);
const LINE_URI_SHAPE =
  `LineUri must be tel:+ and the number's 1 to ${MAX_LINE_URI_DIGITS} digits with no spaces or dashes, ` +
  `optionally ;ext= and 1 to ${MAX_EXTENSION_DIGITS} digits (tel:+14255550100)`;

/**
 * The number the attendant answers, as Lync's LineURI: `tel:+14255550100`, or `tel:+14255550100;ext=100`.
 * Read in any case and written lower-cased, so one number cannot be stored twice under two spellings.
 */
export const LineUri = z
  .string({ error: LINE_URI_SHAPE })
  .trim()
  .transform((text, ctx) => {
    const lower = text.toLowerCase();
    if (LINE_URI.test(lower)) return lower;
    ctx.addIssue({ code: "custom", message: LINE_URI_SHAPE });
    return z.NEVER;
  });

const LANGUAGE_CHOICES = ATTENDANT_LANGUAGES.join(", ");

const language = (property: string) =>
  z.string({ error: `${property} must be a language tag such as en-US` }).transform((tag, ctx) => {
    const known = attendantLanguage(tag);
    if (known) return known;
    ctx.addIssue({
      code: "custom",
      message: `${property} must be a language the conferencing attendant speaks: ${LANGUAGE_CHOICES}`,
    });
    return z.NEVER;
  });

/** The fields on their own; the rules between them are in DialInAccessNumberSettings. */
export const DialInAccessNumberFields = z.strictObject({
  displayName: printableText("DisplayName", MAX_DISPLAY_NAME_LENGTH),
  /** As shown in meeting invitations and on the dial-in page, formatted as the organisation likes. */
  displayNumber: printableText("DisplayNumber", MAX_DISPLAY_NUMBER_LENGTH),
  lineUri: LineUri,
  primaryLanguage: language("PrimaryLanguage"),
  secondaryLanguages: z
    .array(language("SecondaryLanguages"), { error: "SecondaryLanguages must be a list of language tags" })
    .max(MAX_SECONDARY_LANGUAGES, `SecondaryLanguages may list at most ${MAX_SECONDARY_LANGUAGES} languages`)
    .default([]),
  regions: z
    .array(printableText("Each region", MAX_REGION_LENGTH), {
      error: "Regions must be a list of region names",
    })
    .min(1, "Regions must name at least one region: the number is listed to users of its regions")
    .max(MAX_REGIONS, `Regions may name at most ${MAX_REGIONS} regions`),
  /** Lower numbers are listed first (Lync orders the numbers of a region by priority). */
  priority: z
    .int({ error: `Priority must be a whole number from 0 to ${MAX_PRIORITY}` })
    .min(0, `Priority must be a whole number from 0 to ${MAX_PRIORITY}`)
    .max(MAX_PRIORITY, `Priority must be a whole number from 0 to ${MAX_PRIORITY}`)
    .default(0),
});

/** Every field and the rules between them: secondary languages distinct and not the primary, regions distinct. */
export const DialInAccessNumberSettings = DialInAccessNumberFields.superRefine((number, ctx) => {
  const seen = new Set<string>([number.primaryLanguage]);
  number.secondaryLanguages.forEach((tag, index) => {
    if (seen.has(tag)) {
      const message =
        tag === number.primaryLanguage
          ? `${tag} is already the PrimaryLanguage: list it once`
          : `${tag} is listed twice in SecondaryLanguages`;
      ctx.addIssue({ code: "custom", path: ["secondaryLanguages", index], message });
    }
    seen.add(tag);
  });
  // Region names compare without regard to case, as Lync's dial plan regions do.
  const regions = new Set<string>();
  number.regions.forEach((region, index) => {
    const key = region.toLowerCase();
    if (regions.has(key)) {
      ctx.addIssue({
        code: "custom",
        path: ["regions", index],
        message: `Region ${region} is listed twice (names are compared ignoring case)`,
      });
    }
    regions.add(key);
  });
});
export type DialInAccessNumberSettings = z.output<typeof DialInAccessNumberSettings>;

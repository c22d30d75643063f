/**
 * The languages a dial-in access number's conferencing attendant can speak (PrimaryLanguage and
 * SecondaryLanguages of New-CsDialInConferencingAccessNumber), as BCP-47 tags in Lync's spelling.
 *
 * A subset, on purpose: Lync Server answers its full list with Get-CsDialInConferencingLanguageList, and
 * which languages a server speaks depends on the language packs installed on it. PinDesk runs no attendant,
 * so it keeps the languages Lync Server 2013 ships for dial-in conferencing that are most often configured
 * (see the Lync Server cmdlet reference for New-CsDialInConferencingAccessNumber, "PrimaryLanguage"); a tag
 * outside this list is refused rather than stored unchecked, and adding one here is the whole change.
 */
export const ATTENDANT_LANGUAGES = [
  "en-US",
  "en-GB",
  "fr-FR",
  "fr-CA",
  "de-DE",
  "es-ES",
  "es-US",
  "it-IT",
  "ja-JP",
  "ko-KR",
  "nl-NL",
  "pt-BR",
  "pt-PT",
  "zh-CN",
  "zh-TW",
  "ru-RU",
  "pl-PL",
  "sv-SE",
  "da-DK",
  "nb-NO",
  "fi-FI",
  "cs-CZ",
  "tr-TR",
  "hu-HU",
] as const;
export type AttendantLanguage = (typeof ATTENDANT_LANGUAGES)[number];

/** BCP-47 tags compare without regard to case (RFC 5646, 2.1.1): `EN-us` is `en-US`. */
const BY_KEY = new Map<string, AttendantLanguage>(ATTENDANT_LANGUAGES.map((tag) => [tag.toLowerCase(), tag]));

/** The language in Lync's spelling, or undefined when the attendant does not speak it. */
export function attendantLanguage(tag: string): AttendantLanguage | undefined {
  return BY_KEY.get(tag.trim().toLowerCase());
}

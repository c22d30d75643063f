import { describe, expect, it } from "vitest";
import {
  DialInAccessNumberSettings,
  LineUri,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_DISPLAY_NUMBER_LENGTH,
  MAX_PRIORITY,
  MAX_REGION_LENGTH,
  MAX_REGIONS,
} from "./access-number.ts";
import { DialInAccessNumberIdParams, DialInAccessNumberQuery } from "./access-number-api.ts";
import { ATTENDANT_LANGUAGES, attendantLanguage } from "./attendant-languages.ts";

const issues = (
  schema: { safeParse(v: unknown): { error?: { issues: { path: PropertyKey[]; message: string }[] } } },
  value: unknown,
) =>
  (schema.safeParse(value).error?.issues ?? []).map((i) => ({ path: i.path.join("."), message: i.message }));

const REDMOND = {
  displayName: "Redmond dial-in",
  displayNumber: "+1 (425) 555-0100",
  lineUri: "tel:+14255550100",
  primaryLanguage: "en-US",
  secondaryLanguages: ["fr-FR"],
  regions: ["Redmond"],
  priority: 1,
};

const with_ = (changes: object) => issues(DialInAccessNumberSettings, { ...REDMOND, ...changes });

describe("DialInAccessNumberSettings (New-CsDialInConferencingAccessNumber)", () => {
  it("reads a whole number as given, and fills SecondaryLanguages and Priority when left out", () => {
    expect(DialInAccessNumberSettings.parse(REDMOND)).toEqual(REDMOND);
    const { secondaryLanguages: _s, priority: _p, ...bare } = REDMOND;
    expect(DialInAccessNumberSettings.parse(bare)).toEqual({ ...bare, secondaryLanguages: [], priority: 0 });
  });

  it("trims the text fields", () => {
    expect(
      DialInAccessNumberSettings.parse({
        ...REDMOND,
        displayName: "  Redmond  ",
        displayNumber: " 555-0100 ",
        regions: [" Redmond "],
      }),
    ).toMatchObject({ displayName: "Redmond", displayNumber: "555-0100", regions: ["Redmond"] });
  });

  it.each([
    ["displayName", MAX_DISPLAY_NAME_LENGTH, "DisplayName must be 1 to 128 characters"],
    ["displayNumber", MAX_DISPLAY_NUMBER_LENGTH, "DisplayNumber must be 1 to 64 characters"],
  ])("takes %s of 1 and %i characters, not 0 or one more", (field, max, message) => {
    expect(with_({ [field]: "x" })).toEqual([]);
    expect(with_({ [field]: "x".repeat(max) })).toEqual([]);
    expect(with_({ [field]: "" })).toEqual([{ path: field, message }]);
    expect(with_({ [field]: "   " })).toEqual([{ path: field, message }]);
    expect(with_({ [field]: "x".repeat(max + 1) })).toEqual([{ path: field, message }]);
  });

  it.each(["displayName", "displayNumber"])("refuses control characters in %s", (field) => {
    for (const text of ["555\u00070100", "555\u007f", "a\u0085b"]) {
      expect(with_({ [field]: text })).toEqual([
        { path: field, message: expect.stringMatching(/must not contain control characters$/) },
      ]);
    }
    expect(with_({ [field]: 5550100 })[0]?.message).toMatch(/must be text/);
  });

  it("takes up to 4 secondary languages, not 5", () => {
    expect(with_({ secondaryLanguages: ["fr-FR", "de-DE", "es-ES", "it-IT"] })).toEqual([]);
    expect(with_({ secondaryLanguages: ["fr-FR", "de-DE", "es-ES", "it-IT", "ja-JP"] })).toEqual([
      { path: "secondaryLanguages", message: "SecondaryLanguages may list at most 4 languages" },
    ]);
  });

  it("refuses a secondary language listed twice, or that is the primary, naming its place", () => {
    expect(with_({ secondaryLanguages: ["fr-FR", "de-DE", "FR-fr"] })).toEqual([
      { path: "secondaryLanguages.2", message: "fr-FR is listed twice in SecondaryLanguages" },
    ]);
    expect(with_({ secondaryLanguages: ["fr-FR", "en-US"] })).toEqual([
      { path: "secondaryLanguages.1", message: "en-US is already the PrimaryLanguage: list it once" },
    ]);
  });

  it("takes a language in any case and answers Lync's spelling; refuses one the attendant does not speak", () => {
    expect(DialInAccessNumberSettings.parse({ ...REDMOND, primaryLanguage: "EN-gb" }).primaryLanguage).toBe(
      "en-GB",
    );
    expect(with_({ primaryLanguage: "xx-XX" })).toEqual([
      {
        path: "primaryLanguage",
        message: expect.stringMatching(
          /^PrimaryLanguage must be a language the conferencing attendant speaks: en-US, /,
        ),
      },
    ]);
    expect(with_({ primaryLanguage: "en" })[0]?.path).toBe("primaryLanguage");
    expect(with_({ secondaryLanguages: ["fr-FR", "klingon"] })[0]?.path).toBe("secondaryLanguages.1");
    expect(with_({ primaryLanguage: undefined })[0]?.path).toBe("primaryLanguage");
  });

  it("takes 1 to 10 regions, not 0 or 11", () => {
    const regions = (n: number) => Array.from({ length: n }, (_, i) => `Region ${i + 1}`);
    expect(with_({ regions: regions(1) })).toEqual([]);
    expect(with_({ regions: regions(MAX_REGIONS) })).toEqual([]);
    expect(with_({ regions: [] })).toEqual([
      {
        path: "regions",
        message: "Regions must name at least one region: the number is listed to users of its regions",
      },
    ]);
    expect(with_({ regions: regions(MAX_REGIONS + 1) })).toEqual([
      { path: "regions", message: "Regions may name at most 10 regions" },
    ]);
    expect(with_({ regions: "Redmond" })[0]?.path).toBe("regions");
  });

  it("takes region names of 1 to 64 characters, naming the one that is not", () => {
    expect(with_({ regions: ["x".repeat(MAX_REGION_LENGTH)] })).toEqual([]);
    expect(with_({ regions: ["Redmond", "x".repeat(MAX_REGION_LENGTH + 1)] })).toEqual([
      { path: "regions.1", message: "Each region must be 1 to 64 characters" },
    ]);
    expect(with_({ regions: ["Redmond", ""] })).toEqual([
      { path: "regions.1", message: "Each region must be 1 to 64 characters" },
    ]);
  });

  it("refuses a region listed twice in any case", () => {
    expect(with_({ regions: ["Redmond", "Dublin", "REDMOND"] })).toEqual([
      { path: "regions.2", message: "Region REDMOND is listed twice (names are compared ignoring case)" },
    ]);
    expect(with_({ regions: ["Redmond", "Redmond East"] })).toEqual([]);
  });

  it("takes a priority from 0 to 999", () => {
    expect(with_({ priority: 0 })).toEqual([]);
    expect(with_({ priority: MAX_PRIORITY })).toEqual([]);
    for (const priority of [-1, MAX_PRIORITY + 1, 1.5, "1"]) {
      expect(with_({ priority })).toEqual([
        { path: "priority", message: "Priority must be a whole number from 0 to 999" },
      ]);
    }
  });

  it("refuses fields it does not know, naming them", () => {
    expect(with_({ pool: "red-cs-001.litwareinc.com" })[0]?.message).toMatch(/pool/);
  });
});

describe("LineUri", () => {
  it.each([
    ["tel:+14255550100", "tel:+14255550100"],
    ["TEL:+14255550100", "tel:+14255550100"],
    [" tel:+353015550100 ", "tel:+353015550100"],
    ["tel:+14255550100;ext=100", "tel:+14255550100;ext=100"],
    ["tel:+14255550100;EXT=100", "tel:+14255550100;ext=100"],
    ["tel:+1", "tel:+1"],
    [`tel:+${"1".repeat(15)}`, `tel:+${"1".repeat(15)}`],
    [`tel:+1;ext=${"9".repeat(10)}`, `tel:+1;ext=${"9".repeat(10)}`],
  ])("reads %j as %j", (given, read) => {
    expect(LineUri.parse(given)).toBe(read);
  });

  it.each([
    "14255550100",
    "+14255550100",
    "tel:14255550100",
    "tel:+",
    "tel:+1 425 555 0100",
    "tel:+1-425-555-0100",
    `tel:+${"1".repeat(16)}`,
    "tel:+14255550100;ext=",
    `tel:+1;ext=${"9".repeat(11)}`,
    "tel:+14255550100;ext=12a",
    "sip:+14255550100@litwareinc.com",
    "",
  ])("refuses %j, saying what a line URI is", (given) => {
    expect(issues(LineUri, given)).toEqual([
      { path: "", message: expect.stringMatching(/^LineUri must be tel:\+ and the number's 1 to 15 digits/) },
    ]);
  });
});

describe("attendantLanguage", () => {
  it("knows each listed language in any case, and nothing else", () => {
    for (const tag of ATTENDANT_LANGUAGES) {
      expect(attendantLanguage(tag.toUpperCase())).toBe(tag);
    }
    expect(new Set(ATTENDANT_LANGUAGES).size).toBe(ATTENDANT_LANGUAGES.length);
    expect(attendantLanguage("en")).toBeUndefined();
    expect(attendantLanguage("")).toBeUndefined();
  });
});

describe("DialInAccessNumberQuery and DialInAccessNumberIdParams", () => {
  it("reads an optional region of 1 to 64 characters", () => {
    expect(DialInAccessNumberQuery.parse({})).toEqual({});
    expect(DialInAccessNumberQuery.parse({ region: " redmond " })).toEqual({ region: "redmond" });
    expect(issues(DialInAccessNumberQuery, { region: "x".repeat(MAX_REGION_LENGTH) })).toEqual([]);
    expect(issues(DialInAccessNumberQuery, { region: "x".repeat(MAX_REGION_LENGTH + 1) })[0]?.path).toBe(
      "region",
    );
    expect(issues(DialInAccessNumberQuery, { region: "" })[0]?.path).toBe("region");
    expect(issues(DialInAccessNumberQuery, { site: "Redmond" }).length).toBe(1);
  });

  it("reads a positive id from the path and refuses anything else", () => {
    expect(DialInAccessNumberIdParams.parse({ id: "12" })).toEqual({ id: 12 });
    for (const id of ["0", "abc", "1.5", "2147483648"])
      expect(DialInAccessNumberIdParams.safeParse({ id }).success).toBe(false);
  });
});

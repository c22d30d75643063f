import type { UserSummary } from "@pindesk/domain/users/user";
import { describe, expect, it } from "vitest";
import { USER_COLUMNS } from "../commands/users-find.ts";
import { outputFormat } from "./output-format.ts";
import { render } from "./render.ts";

const user = (
  displayName: string,
  sipAddress: string | null,
  extra: Partial<UserSummary> = {},
): UserSummary => ({
  id: 1,
  displayName,
  sipAddress,
  lineUri: null,
  registrarPool: "red-cs-001.litwareinc.com",
  enabled: true,
  enterpriseVoiceEnabled: false,
  isPinSet: true,
  isPinExpired: false,
  isLockedOut: false,
  protected: false,
  ...extra,
});

const users = [
  user("Ken Myer", "sip:kenmyer@litwareinc.com", { lineUri: "tel:+14255551102" }),
  user("=HYPERLINK(1)", null, { enabled: false, registrarPool: null }),
];

describe("output formats", () => {
  it("is a table on a terminal and the command's own format when piped, unless --output says", () => {
    expect(outputFormat(undefined, true, "ids")).toBe("table");
    expect(outputFormat(undefined, false, "ids")).toBe("ids");
    expect(outputFormat(undefined, false, "json")).toBe("json");
    expect(outputFormat("CSV", true, "ids")).toBe("csv");
    expect(() => outputFormat("xml", true, "ids")).toThrow('--output takes table, json, csv, ids, not "xml"');
  });

  it("aligns a table's columns under their headers", () => {
    expect(render(users, USER_COLUMNS, "table")).toBe(
      [
        "DisplayName    SipAddress                  LineURI           RegistrarPool              Enabled  IsPinSet  IsLockedOut",
        "-------------  --------------------------  ----------------  -------------------------  -------  --------  -----------",
        "Ken Myer       sip:kenmyer@litwareinc.com  tel:+14255551102  red-cs-001.litwareinc.com  true     true      false",
        "=HYPERLINK(1)                                                                           false    true      false",
        "",
      ].join("\n"),
    );
  });

  it("shows control characters in a table as ?, so a name cannot move the cursor", () => {
    expect(render([user("Ken\u001B[2JMyer", null)], USER_COLUMNS, "table")).toContain("Ken?[2JMyer");
  });

  it("writes CSV as Export to CSV does: quoted where needed and formula-safe", () => {
    expect(render(users, USER_COLUMNS, "csv")).toBe(
      "DisplayName,SipAddress,LineURI,RegistrarPool,Enabled,IsPinSet,IsLockedOut\r\n" +
        "Ken Myer,sip:kenmyer@litwareinc.com,tel:+14255551102,red-cs-001.litwareinc.com,true,true,false\r\n" +
        "'=HYPERLINK(1),,,,false,true,false\r\n",
    );
  });

  it("writes the API's own objects as JSON", () => {
    expect(JSON.parse(render(users, USER_COLUMNS, "json"))).toEqual(users);
  });

  it("writes one identity per line, leaving out users without one", () => {
    expect(render(users, USER_COLUMNS, "ids")).toBe("sip:kenmyer@litwareinc.com\n");
  });

  it("writes nothing for no rows but an empty JSON list", () => {
    expect(render([], USER_COLUMNS, "table")).toBe("");
    expect(render([], USER_COLUMNS, "json")).toBe("[]\n");
  });
});

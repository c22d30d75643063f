import type { SearchResponse } from "@pindesk/domain/users/user";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../core/directory/seed/demo-directory-data.ts";
import { startTestApp, type TestApp } from "../../test/test-app.ts";
import { TEST_ENGINES } from "../../test/test-database.ts";

const ALL = DEMO_USERS.length;

describe.each(TEST_ENGINES)("Search users box on %s", (engine) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp(engine);
  });
  afterAll(() => app?.close());

  const find = async (searchText: string, maxUsers = 10_000) => {
    const response = await app.post<SearchResponse>("/api/users/search", { searchText, maxUsers });
    expect(response.status).toBe(200);
    return response.body;
  };
  const names = async (searchText: string) => (await find(searchText)).users.map((user) => user.displayName);

  it("finds Ken Myer by 'Ken' with his SIP address, line URI, registrar pool and PIN status", async () => {
    const { users, more } = await find("Ken");
    expect(more).toBe(false);
    expect(users.find((user) => user.displayName === "Ken Myer")).toMatchObject({
      sipAddress: "sip:kenmyer@litwareinc.com",
      lineUri: "tel:+14255551102;ext=1102",
      registrarPool: "red-cs-001.litwareinc.com",
      enabled: true,
      isPinSet: true,
      isLockedOut: false,
    });
    // Kevin Kennedy matches too: "Ken" is the start of his last name.
    expect(users.map((user) => user.displayName)).toEqual([
      "Ken Kwok",
      "Ken Myer",
      "Ken Sanchez",
      "Kevin Kennedy",
    ]);
  });

  it("ignores case", async () => {
    expect(await names("kEN mYER")).toEqual(["Ken Myer"]);
  });

  it("matches a prefix only, never the middle of a name", async () => {
    expect(await names("yer")).toEqual([]);
    expect(await names("enmyer")).toEqual([]);
  });

  it("matches the start of a first name", async () => {
    expect(await names("Pila")).toEqual(["Pilar Ackerman", "Pilar Pinilla"]);
  });

  it("matches the start of a last name", async () => {
    const smiths = DEMO_USERS.filter((user) => user.lastName === "Smith").length;
    expect((await names("smit")).filter((name) => name.endsWith(" Smith"))).toHaveLength(smiths);
  });

  it("matches the start of a SAM account name", async () => {
    expect(await names("kenmy")).toEqual(["Ken Myer"]);
  });

  it("matches a SIP address with or without sip:", async () => {
    expect(await names("sip:kenmyer@")).toEqual(["Ken Myer"]);
    expect(await names("SIP:KENMYER@LITWAREINC.COM")).toEqual(["Ken Myer"]);
    expect(await names("kenmyer@litwareinc")).toEqual(["Ken Myer"]);
  });

  it("matches a line URI with or without tel:", async () => {
    expect(await names("tel:+1425555110")).toEqual(["Ken Myer"]);
    expect(await names("+14255551102")).toEqual(["Ken Myer"]);
  });

  it("matches first and last name prefixes in either order when the term has a space", async () => {
    expect(await names("Ke My")).toEqual(["Ken Myer"]);
    expect(await names("Myer Ken")).toEqual(["Ken Myer"]);
    expect(await names("My Ke")).toEqual(["Ken Myer"]);
  });

  it("says Carol Philips' PIN is expired and marks protected users, before anyone acts on them", async () => {
    const [carol] = (await find("Carol Philips")).users;
    expect(carol).toMatchObject({ isPinSet: true, isPinExpired: true, isLockedOut: false });
    const [ken] = (await find("Ken Myer")).users;
    expect(ken).toMatchObject({ isPinExpired: false, protected: false });
    const protectedUsers = DEMO_USERS.filter((user) => user.protected).map((user) => user.samAccountName);
    const everyone = (await find("")).users;
    expect(everyone.filter((user) => user.protected)).toHaveLength(protectedUsers.length);
    expect(protectedUsers.length).toBeGreaterThan(0);
  });

  it("takes a trailing * as the prefix it already is, and * alone as everyone", async () => {
    expect(await names("Ken*")).toEqual(await names("Ken"));
    expect(await names("ken my*")).toEqual(["Ken Myer"]);
    expect(await names("*")).toHaveLength(ALL);
    expect(await names("*Myer")).toEqual([]);
  });

  it("treats LIKE's own wildcards as plain characters", async () => {
    expect(await names("%")).toEqual([]);
    expect(await names("_en")).toEqual([]);
  });

  it("lists everyone for an empty term, ordered by display name then id", async () => {
    const { users, more } = await find("   ");
    expect(more).toBe(false);
    expect(users).toHaveLength(ALL);
    const keys = users.map((user) => user.displayName.toLowerCase());
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("caps the results at Maximum users to display and says more match, without counting", async () => {
    const capped = await find("", 5);
    expect(capped.users).toHaveLength(5);
    expect(capped.more).toBe(true);
    expect(capped).not.toHaveProperty("total");
    expect((await find("", ALL)).more).toBe(false);
    expect((await find("", ALL - 1)).more).toBe(true);
  });

  it("returns the first users in display-name order when capped", async () => {
    const everyone = (await find("")).users.map((user) => user.id);
    const first = (await find("", 7)).users.map((user) => user.id);
    expect(first).toEqual(everyone.slice(0, 7));
  });

  it("caps a search term that matches in several fields once, not once per field", async () => {
    // "ken" matches first names, SAM account names and SIP addresses of the same three users.
    const { users, more } = await find("ken", 2);
    expect(users.map((user) => user.displayName)).toEqual(["Ken Kwok", "Ken Myer"]);
    expect(more).toBe(true);
  });
});

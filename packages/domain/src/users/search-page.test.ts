import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeSearchCursor,
  encodeSearchCursor,
  type SearchCursor,
  SearchPageParams,
  searchPageParams,
} from "./search-page.ts";
import { DEFAULT_SORT, SORT_KEYS } from "./search-sort.ts";

const byName = { sort: DEFAULT_SORT, value: null };

// Written independently of the module under test, from the definition of base64url (RFC 4648 §5).
const bytesToBase64url = (bytes: Iterable<number>) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
const base64url = (text: string) => bytesToBase64url(new TextEncoder().encode(text));

describe("the search page cursor", () => {
  it("is unpadded base64url of the last user's display-name key and id, and the count shown", () => {
    const cursor = { ...byName, displayNameKey: "ken myer", id: 42, shown: 500 };
    const text = encodeSearchCursor(cursor);
    expect(text).toBe(base64url('["ken myer",42,500]'));
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeSearchCursor(text)).toEqual(cursor);
  });

  it("round-trips any key a display name can have, accents, emoji and quotes included", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 300, unit: "grapheme" }).filter((key) => !key.includes("\u0000")),
        fc.integer({ min: 1, max: 2_147_483_647 }),
        fc.integer({ min: 1, max: 9_999 }),
        (displayNameKey, id, shown) => {
          const cursor: SearchCursor = { ...byName, displayNameKey, id, shown };
          expect(decodeSearchCursor(encodeSearchCursor(cursor))).toEqual(cursor);
        },
      ),
    );
  });

  it("reads WyJhYiIsMSwxXQ, which a case below spells another way", () => {
    expect(decodeSearchCursor("WyJhYiIsMSwxXQ")).toEqual({
      ...byName,
      displayNameKey: "ab",
      id: 1,
      shown: 1,
    });
  });

  it.each([
    ["empty", ""],
    ["not base64url", "a+b/c="],
    ["padded", `${base64url('["a",1,1]')}=`],
    ["one character too many for base64", `${base64url('["a",1,1]')}AAAAA`],
    ["not UTF-8", bytesToBase64url([0x5b, 0x22, 0xff, 0x22, 0x2c, 0x31, 0x2c, 0x31, 0x5d])],
    ["not JSON", base64url("ken myer,42")],
    ["an object", base64url('{"displayNameKey":"a","id":1,"shown":1}')],
    ["two values", base64url('["a",1]')],
    ["four values", base64url('["a",1,1,1]')],
    ["a number for the key", base64url("[1,1,1]")],
    ["a NUL in the key", base64url('["a\\u0000",1,1]')],
    ["a key longer than any display name", base64url(JSON.stringify(["k".repeat(1025), 1, 1]))],
    ["id 0", base64url('["a",0,1]')],
    ["a fractional id", base64url('["a",1.5,1]')],
    ["an id past the column's range", base64url('["a",2147483648,1]')],
    ["an id as text", base64url('["a","1",1]')],
    ["nothing shown", base64url('["a",1,0]')],
    ["10 000 shown (nothing can follow)", base64url('["a",1,10000]')],
    ["a second spelling (whitespace)", base64url('["a", 1, 1]')],
    ["a second spelling (an escape)", base64url('["\\u0061",1,1]')],
    // WyJhYiIsMSwxXQ is ["ab",1,1]; its last character's four unused bits may be set and still decode to it.
    ["a second spelling (unused bits set)", "WyJhYiIsMSwxXR"],
    ["too long", "A".repeat(4100)],
  ])("refuses %s", (_what, text) => {
    expect(decodeSearchCursor(text)).toBeUndefined();
  });
});

describe("the cursor of a sorted search", () => {
  const values = { name: null, sip: "ken@litwareinc.com", line: "", pool: "red-cs-001.litwareinc.com" };
  const sortValueOf = (by: (typeof SORT_KEYS)[number]) =>
    by in values ? values[by as keyof typeof values] : true;

  it.each(SORT_KEYS.flatMap((by) => (["asc", "desc"] as const).map((direction) => [by, direction] as const)))(
    "round-trips %s %s with the column's value, and names the order",
    (by, direction) => {
      const cursor: SearchCursor = {
        sort: { by, direction },
        value: by === "name" ? null : sortValueOf(by),
        displayNameKey: "ken myer",
        id: 42,
        shown: 500,
      };
      const text = encodeSearchCursor(cursor);
      expect(decodeSearchCursor(text)).toEqual(cursor);
      const json = JSON.parse(atob(text.replaceAll("-", "+").replaceAll("_", "/")));
      // The default order keeps the short form every cursor had before sorting; the others say their order.
      expect(json).toEqual(
        by === "name" && direction === "asc"
          ? ["ken myer", 42, 500]
          : [by, direction, cursor.value, "ken myer", 42, 500],
      );
    },
  );

  it("round-trips false for a yes/no column", () => {
    const cursor: SearchCursor = {
      sort: { by: "pinLocked", direction: "desc" },
      value: false,
      displayNameKey: "a",
      id: 1,
      shown: 1,
    };
    expect(decodeSearchCursor(encodeSearchCursor(cursor))).toEqual(cursor);
  });

  it.each([
    ["an unknown column", '["title","asc","x","a",1,1]'],
    ["an unknown direction", '["sip","down","x","a",1,1]'],
    ["text for a yes/no column", '["enabled","asc","True","a",1,1]'],
    ["a yes/no for a text column", '["sip","asc",true,"a",1,1]'],
    ["a value for Display name", '["name","desc","a","a",1,1]'],
    ["the long form of the default order", '["name","asc",null,"a",1,1]'],
    ["a NUL in the value", '["sip","asc","a\\u0000","a",1,1]'],
    ["five values", '["sip","asc","a",1,1]'],
  ])("refuses %s", (_what, json) => {
    expect(decodeSearchCursor(base64url(json))).toBeUndefined();
  });
});

describe("the query string of a search page", () => {
  const parse = (params: Record<string, unknown>) => {
    const result = SearchPageParams.safeParse(params);
    return result.success
      ? { ok: true, value: result.data }
      : { ok: false, issues: result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  };

  it("takes neither, a limit, a cursor, or both", () => {
    const after = encodeSearchCursor({ ...byName, displayNameKey: "ken myer", id: 42, shown: 7 });
    expect(parse({})).toEqual({ ok: true, value: {} });
    expect(parse({ limit: "1" })).toEqual({ ok: true, value: { limit: 1 } });
    expect(parse({ limit: "1000", after })).toEqual({
      ok: true,
      value: { limit: 1000, after: { ...byName, displayNameKey: "ken myer", id: 42, shown: 7 } },
    });
  });

  it.each(["0", "1001", "-1", "+5", "05", "1e3", "7.0", "", " 7", "many"])("refuses limit=%j", (limit) => {
    expect(parse({ limit })).toEqual({ ok: false, issues: ["limit: must be a whole number from 1 to 1000"] });
  });

  it("refuses a repeated limit or cursor (the query parser makes them lists)", () => {
    expect(parse({ limit: ["5", "6"] }).issues).toEqual(["limit: must be a whole number from 1 to 1000"]);
    expect(parse({ after: ["a", "b"] }).issues).toEqual([
      "after: must be the nextCursor of an earlier page of this search",
    ]);
  });

  it("refuses a cursor it did not write, and any other parameter", () => {
    expect(parse({ after: "bm9wZQ" }).issues).toEqual([
      "after: must be the nextCursor of an earlier page of this search",
    ]);
    expect(parse({ offset: "500" }).issues).toEqual([': Unrecognized key: "offset"']);
  });

  it("is written by the page as limit, then the cursor when there is one", () => {
    expect(searchPageParams().toString()).toBe("limit=500");
    expect(searchPageParams("abc_-", 7).toString()).toBe("limit=7&after=abc_-");
  });
});

import { describe, expect, it } from "vitest";
import { safeReturnTo } from "./return-to.ts";

describe("safeReturnTo", () => {
  it("returns to a path of this app, with its search", () => {
    expect(safeReturnTo("/users?q=Ken")).toBe("/users?q=Ken");
    expect(safeReturnTo("/pin-policies")).toBe("/pin-policies");
  });

  it("goes to Users when there is nowhere to return to", () => {
    expect(safeReturnTo(null)).toBe("/users");
    expect(safeReturnTo("")).toBe("/users");
  });

  it("never sends the browser to another site", () => {
    for (const elsewhere of [
      "https://evil.example/",
      "//evil.example/users",
      "/\\evil.example",
      "javascript:x",
    ])
      expect(safeReturnTo(elsewhere), elsewhere).toBe("/users");
  });

  it("does not return to sign-in itself, which would loop", () => {
    expect(safeReturnTo("/sign-in")).toBe("/users");
    expect(safeReturnTo("/sign-in?returnTo=%2Faudit")).toBe("/users");
  });
});

describe("safeReturnTo and control characters", () => {
  it("refuses a path a browser would turn into another site by dropping a tab or a newline", () => {
    expect(safeReturnTo("/\t/evil.example")).toBe("/users");
    expect(safeReturnTo("/\n/evil.example")).toBe("/users");
  });
});

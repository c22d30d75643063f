import type { ApiToken } from "@pindesk/domain/auth/api-tokens";
import { describe, expect, it } from "vitest";
import { nextRevokable } from "./focus-after-revoke.ts";

const token = (id: number, state: ApiToken["state"] = "Active") => ({ id, state }) as ApiToken;

describe("nextRevokable", () => {
  it("is the next row still active after the revoked one", () => {
    const tokens = [token(1), token(2), token(3, "Expired"), token(4, "Revoked"), token(5)];
    expect(nextRevokable(tokens, 2)).toBe(5);
    expect(nextRevokable(tokens, 1)).toBe(2);
  });

  it("is none after the last active row, or for a token not in the table", () => {
    const tokens = [token(1), token(2), token(3, "Revoked")];
    expect(nextRevokable(tokens, 2)).toBeUndefined();
    expect(nextRevokable(tokens, 9)).toBeUndefined();
  });
});

import type { TargetOutcome, TargetResult } from "@pindesk/domain/users/user-targets";
import { describe, expect, it } from "vitest";
import { orderResults, resultsCsv, summarizeResults } from "./target-results.ts";

const result = (userId: number, outcome: TargetOutcome, message = ""): TargetResult => ({
  userId,
  identity: `sip:user${userId}@litwareinc.com`,
  displayName: `User ${userId}`,
  outcome,
  message,
});

describe("orderResults", () => {
  it("puts what needs a look first, what was already so next, and what was done last", () => {
    const results = [
      result(1, "Done"),
      result(2, "AlreadyLocked"),
      result(3, "Protected"),
      result(4, "Done"),
      result(5, "NotFound"),
      result(6, "AlreadyLocked"),
    ];
    expect(orderResults(results).map((r) => r.userId)).toEqual([3, 5, 2, 6, 1, 4]);
    // The answer as it came is left alone.
    expect(results.map((r) => r.userId)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe("summarizeResults", () => {
  it("counts each outcome in one line, in the order they first appear", () => {
    const results = [result(1, "Done"), result(2, "Protected"), result(3, "Done"), result(4, "Done")];
    expect(summarizeResults(results)).toBe("3 done, 1 protected user");
  });

  it("groups large counts", () => {
    const results = Array.from({ length: 1200 }, (_, i) => result(i, "AlreadyUnlocked"));
    expect(summarizeResults(results)).toBe("1,200 already unlocked");
  });
});

describe("resultsCsv", () => {
  it("writes a header and one RFC 4180 record a user, with the outcome as the table names it", () => {
    const csv = resultsCsv([result(1, "MustUnlockFirst", 'Unlock first, then "Set PIN"')]);
    expect(csv).toBe(
      "\uFEFFDisplay name,Identity,Result,Details\r\n" +
        'User 1,sip:user1@litwareinc.com,Unlock first,"Unlock first, then ""Set PIN"""\r\n',
    );
  });
});

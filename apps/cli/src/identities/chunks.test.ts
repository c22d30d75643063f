import type { TargetResult } from "@pindesk/domain/users/user-targets";
import { describe, expect, it } from "vitest";
import { ApiRefusal } from "../api/api-client.ts";
import { CannotRun } from "../errors.ts";
import { chunkRows, outcomeCounts } from "../pins/action-rows.ts";
import { chunk, IDENTITIES_PER_REQUEST, runInChunks } from "./chunks.ts";

const identities = Array.from({ length: 10_000 }, (_, n) => `sip:user${n}@litwareinc.com`);
const lockedAll = async (part: string[]) => ({
  results: part.map(
    (identity, n): TargetResult => ({
      userId: n + 1,
      displayName: identity,
      identity,
      outcome: "Done",
      message: "",
    }),
  ),
});
const serverFault = new ApiRefusal(500, {
  code: "internal_error",
  message: "Something went wrong on the server",
});

describe("identities a request at a time", () => {
  it("cuts 10 000 identities into 100 requests of 100, in order", () => {
    const parts = chunk(identities, IDENTITIES_PER_REQUEST);
    expect(parts).toHaveLength(100);
    expect(parts.every((part) => part.length === 100)).toBe(true);
    expect(parts.flat()).toEqual(identities);
    expect(chunk(identities.slice(0, 250), 100).map((part) => part.length)).toEqual([100, 100, 50]);
  });

  it("reports a failing request's identities as Failed, keeps the others, and loses none", async () => {
    const progress: number[] = [];
    const run = await runInChunks(
      identities,
      IDENTITIES_PER_REQUEST,
      async (part) => {
        if (part[0] === identities[3600]) throw serverFault;
        return lockedAll(part);
      },
      (done) => progress.push(done),
    );
    expect(run.stopped).toBeUndefined();
    const rows = chunkRows(run);
    expect(rows.map((row) => row.identity)).toEqual(identities);
    expect(outcomeCounts(rows)).toBe("9900 Done, 100 Failed");
    const failed = rows.filter((row) => row.outcome === "Failed");
    expect(failed.map((row) => row.identity)).toEqual(identities.slice(3600, 3700));
    expect(failed[0]?.message).toBe(
      "the request for identities 3601–3700 failed: Something went wrong on the server",
    );
    expect(progress).toHaveLength(101);
    expect(progress.at(-1)).toBe(10_000);
  });

  it("halves a request refused for what it holds, down to the one identity at fault", async () => {
    const greedy = "*";
    const list = [...identities.slice(0, 150), greedy, ...identities.slice(150, 250)];
    const tooMany = new ApiRefusal(400, {
      code: "too_many_users",
      message: "The identities name more than 10000 users; narrow them down or use a search",
    });
    const sent: number[] = [];
    const run = await runInChunks(list, IDENTITIES_PER_REQUEST, async (part) => {
      sent.push(part.length);
      if (part.includes(greedy)) throw tooMany;
      return lockedAll(part);
    });
    const rows = chunkRows(run);
    expect(rows.map((row) => row.identity)).toEqual(list);
    expect(rows.filter((row) => row.outcome === "Failed")).toEqual([
      expect.objectContaining({ identity: "*", message: tooMany.message }),
    ]);
    // 100; then 100 refused, halved down to the one ("*" first in its half: 50 fine, 50, 25, 13, 7, 4, 2, 1
    // refused), the other halves on the way back up answered; then the last 51.
    expect(sent).toEqual([100, 100, 50, 50, 25, 13, 7, 4, 2, 1, 1, 2, 3, 6, 12, 25, 51]);
  });

  it("does not halve a request the server failed on its own (5xx)", async () => {
    let requests = 0;
    const run = await runInChunks(identities.slice(0, 100), IDENTITIES_PER_REQUEST, async () => {
      requests += 1;
      throw serverFault;
    });
    expect(requests).toBe(1);
    expect(chunkRows(run).filter((row) => row.outcome === "Failed")).toHaveLength(100);
  });

  it("stops at a refusal any request would meet, naming the identities never sent", async () => {
    const expired = new ApiRefusal(401, { code: "api_token_expired", message: "The API token has expired." });
    const run = await runInChunks(identities, IDENTITIES_PER_REQUEST, async (part) => {
      if (part[0] === identities[400]) throw expired;
      return lockedAll(part);
    });
    expect(chunkRows(run)).toHaveLength(400);
    expect(run.stopped?.error).toBe(expired);
    expect(run.stopped?.notAttempted).toEqual(identities.slice(400));
  });

  it("stops when PinDesk cannot be reached", async () => {
    const unreachable = new CannotRun("cannot reach PinDesk at http://127.0.0.1:9: ECONNREFUSED");
    const run = await runInChunks(identities.slice(0, 150), IDENTITIES_PER_REQUEST, async () => {
      throw unreachable;
    });
    expect(run.chunks).toEqual([]);
    expect(run.stopped?.notAttempted).toHaveLength(150);
  });
});

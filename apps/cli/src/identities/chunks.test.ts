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

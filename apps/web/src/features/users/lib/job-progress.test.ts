import { describe, expect, it } from "vitest";
import { jobProgress } from "./job-progress.ts";

describe("a job's progress bar", () => {
  it("shows a cancelled job as far as it got, not full", () => {
    expect(jobProgress({ status: "cancelled", processed: 40, total: 100 })).toEqual({
      value: 0.4,
      color: "warning",
      valueText: "Cancelled after 40 of 100 users",
    });
    expect(jobProgress({ status: "cancelled", processed: 0, total: null }).value).toBe(0);
  });

  it("shows a failed job as far as it got, in the error colour", () => {
    expect(jobProgress({ status: "failed", processed: 25, total: 50 })).toMatchObject({
      value: 0.5,
      color: "error",
    });
  });

  it("fills a completed job", () => {
    expect(jobProgress({ status: "completed", processed: 10, total: 10 })).toMatchObject({
      value: 1,
      color: "success",
    });
  });

  it("moves without a value until the total is known, then by the share processed", () => {
    expect(jobProgress({ status: "queued", processed: 0, total: null })).toMatchObject({
      value: undefined,
      valueText: "Counting users…",
    });
    expect(jobProgress({ status: "running", processed: 300, total: 1200 })).toMatchObject({
      value: 0.25,
      valueText: "300 of 1200 users",
    });
  });
});

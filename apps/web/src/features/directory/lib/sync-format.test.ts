import type { DirectoryRun, DirectoryStatus } from "@pindesk/domain/directory/directory-sync";
import { describe, expect, it } from "vitest";
import {
  FAST_POLL_MS,
  formatDuration,
  formatInterval,
  formatTrigger,
  lastFinishedRunId,
  SLOW_POLL_MS,
  statusPollInterval,
  syncActivity,
  unlistedRefusals,
} from "./sync-format.ts";

const run = (id: number, status: DirectoryRun["status"] = "completed"): DirectoryRun => ({
  id,
  kind: "incremental",
  trigger: "schedule",
  status,
  startedAt: "2026-05-04T10:00:00.000Z",
  finishedAt: status === "running" ? null : "2026-05-04T10:00:01.000Z",
  seconds: 1,
  added: 0,
  changed: 0,
  removed: 0,
  refused: 0,
  error: null,
});

const connected = (overrides: Partial<DirectoryStatus> = {}): DirectoryStatus => ({
  configured: true,
  url: "ldaps://127.0.0.1:636",
  baseDns: ["DC=litwareinc,DC=com"],
  caFile: null,
  bindDn: "CN=svc-pindesk,CN=Users,DC=litwareinc,DC=com",
  syncIntervalMinutes: 5,
  lastFull: run(1),
  lastIncremental: null,
  running: null,
  nextRunAt: "2026-05-04T10:05:00.000Z",
  requested: false,
  recentRuns: [run(1)],
  refusals: [],
  refusalCount: 0,
  ...overrides,
});

const notConnected = connected({ configured: false, url: null, lastFull: null, recentRuns: [] });

describe("formatDuration", () => {
  it("gives tenths under ten seconds", () => {
    expect(formatDuration(0)).toBe("0.0 s");
    expect(formatDuration(0.406)).toBe("0.4 s");
    expect(formatDuration(9.94)).toBe("9.9 s");
  });

  it("gives whole seconds, then minutes and seconds, then hours and minutes", () => {
    expect(formatDuration(12.4)).toBe("12 s");
    expect(formatDuration(59.4)).toBe("59 s");
    expect(formatDuration(60)).toBe("1 min");
    expect(formatDuration(125)).toBe("2 min 5 s");
    expect(formatDuration(3599)).toBe("59 min 59 s");
    expect(formatDuration(3600)).toBe("1 h");
    expect(formatDuration(3725)).toBe("1 h 2 min");
  });

  it("says nothing for a duration that is not one", () => {
    expect(formatDuration(-1)).toBe("");
    expect(formatDuration(Number.NaN)).toBe("");
  });
});

describe("formatTrigger and formatInterval", () => {
  it("names the schedule, and keeps any other trigger as the server wrote it", () => {
    expect(formatTrigger("schedule")).toBe("Schedule");
    expect(formatTrigger("Sync now")).toBe("Sync now");
    expect(formatTrigger("import users.ldif")).toBe("import users.ldif");
  });

  it("reads the interval in minutes", () => {
    expect(formatInterval(1)).toBe("Every minute");
    expect(formatInterval(5)).toBe("Every 5 minutes");
    expect(formatInterval(null)).toBe("Not scheduled");
  });
});

describe("syncActivity and statusPollInterval", () => {
  it("is not connected without a configured directory, and then never polls", () => {
    expect(syncActivity(notConnected)).toBe("notConnected");
    expect(statusPollInterval(notConnected)).toBe(false);
    expect(statusPollInterval(undefined)).toBe(false);
  });

  it("follows a pass closely while it is asked for or running", () => {
    expect(syncActivity(connected({ requested: true }))).toBe("requested");
    expect(statusPollInterval(connected({ requested: true }))).toBe(FAST_POLL_MS);
    // A running pass counts as running even if another request waits behind it.
    expect(syncActivity(connected({ running: run(2, "running"), requested: true }))).toBe("running");
    expect(statusPollInterval(connected({ running: run(2, "running") }))).toBe(FAST_POLL_MS);
  });

  it("looks now and then when idle, so scheduled passes show up", () => {
    expect(syncActivity(connected())).toBe("idle");
    expect(statusPollInterval(connected())).toBe(SLOW_POLL_MS);
  });
});

describe("unlistedRefusals", () => {
  const refusal = { distinguishedName: "CN=Ann,DC=litwareinc,DC=com", reason: "has no sAMAccountName" };

  it("counts the refused entries beyond the list", () => {
    expect(unlistedRefusals({ refusals: [refusal], refusalCount: 501 })).toBe(500);
    expect(unlistedRefusals({ refusals: [refusal], refusalCount: 1 })).toBe(0);
    expect(unlistedRefusals({ refusals: [], refusalCount: 0 })).toBe(0);
  });
});

describe("lastFinishedRunId", () => {
  it("is the newest pass that has ended, skipping one still running", () => {
    expect(lastFinishedRunId(connected({ recentRuns: [run(3, "running"), run(2, "failed"), run(1)] }))).toBe(
      2,
    );
    expect(lastFinishedRunId(connected({ recentRuns: [run(1, "running")] }))).toBeUndefined();
    expect(lastFinishedRunId(undefined)).toBeUndefined();
  });
});

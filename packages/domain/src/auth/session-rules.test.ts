import { describe, expect, it } from "vitest";
import {
  ACTIVITY_RESOLUTION_MS,
  DEFAULT_SESSION_TIMEOUTS,
  sessionExpiries,
  sessionState,
  shouldRecordActivity,
} from "./session-rules.ts";

const start = new Date("2026-11-23T09:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);
const MIN = 60_000;
const HOUR = 60 * MIN;

describe("console session timeouts", () => {
  it("is active until 30 minutes of inactivity, and ends at exactly 30", () => {
    const session = { createdAt: start, lastSeenAt: start };
    expect(sessionState(session, DEFAULT_SESSION_TIMEOUTS, at(30 * MIN - 1))).toBe("Active");
    expect(sessionState(session, DEFAULT_SESSION_TIMEOUTS, at(30 * MIN))).toBe("IdleExpired");
  });

  it("ends after 12 hours however busy it is", () => {
    const session = { createdAt: start, lastSeenAt: at(12 * HOUR - MIN) };
    expect(sessionState(session, DEFAULT_SESSION_TIMEOUTS, at(12 * HOUR - 1))).toBe("Active");
    expect(sessionState(session, DEFAULT_SESSION_TIMEOUTS, at(12 * HOUR))).toBe("AbsoluteExpired");
  });

  it("takes other timeouts from configuration", () => {
    const timeouts = { idleMs: 5 * MIN, absoluteMs: HOUR };
    const session = { createdAt: start, lastSeenAt: at(50 * MIN) };
    expect(sessionState(session, timeouts, at(55 * MIN - 1))).toBe("Active");
    expect(sessionState(session, timeouts, at(55 * MIN))).toBe("IdleExpired");
  });

  it("records activity at most once a minute", () => {
    const session = { createdAt: start, lastSeenAt: start };
    expect(shouldRecordActivity(session, at(ACTIVITY_RESOLUTION_MS - 1))).toBe(false);
    expect(shouldRecordActivity(session, at(ACTIVITY_RESOLUTION_MS))).toBe(true);
  });

  it("reports the idle end, capped by the absolute end", () => {
    expect(sessionExpiries({ createdAt: start, lastSeenAt: at(HOUR) }, DEFAULT_SESSION_TIMEOUTS)).toEqual({
      idle: at(HOUR + 30 * MIN),
      absolute: at(12 * HOUR),
    });
    expect(
      sessionExpiries({ createdAt: start, lastSeenAt: at(11 * HOUR + 50 * MIN) }, DEFAULT_SESSION_TIMEOUTS)
        .idle,
    ).toEqual(at(12 * HOUR));
  });
});

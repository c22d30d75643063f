/**
 * Issue 6 part 2's targets and the verdict on each figure. The targets are set for PostgreSQL at 1 M users,
 * and for PGlite at 200 k users (p95 ≤ 50 ms for every shape); bulk work on PGlite is judged against
 * PostgreSQL's bulk targets for reference. At another size a verdict is indicative only (the report says so).
 */
import type { BulkRequest, SetPinBench } from "./bulk.ts";
import type { BenchEngine } from "./config.ts";
import type { PlanSummary } from "./explain.ts";
import type { ShapeTiming } from "./latency.ts";
import type { Shape } from "./shapes.ts";

export const PGLITE_P95_MS = 50;
export const PREFIX_SPEEDUP = 100;
export const BULK_LOCK_MS = 1_000;
export const BULK_LOCK_USERS = 10_000;
export const SET_PIN_EFFICIENCY = 0.9;

export interface ShapeReport {
  name: string;
  group: Shape["group"];
  detail: string;
  indexed: ShapeTiming;
  baseline?: ShapeTiming;
  /** Baseline p50 ÷ indexed p50; at least this when the baseline hit its statement timeout. */
  speedup?: number;
  speedupAtLeast?: boolean;
  plan?: PlanSummary;
  targetP95Ms?: number;
  latencyOk?: boolean;
  /** Only for Search users terms on PostgreSQL. */
  speedupTarget?: number;
  speedupOk?: boolean;
  reason?: string;
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

export function judgeShape(
  engine: BenchEngine,
  shape: Shape,
  indexed: ShapeTiming,
  baseline: ShapeTiming | undefined,
  plan: PlanSummary | undefined,
): ShapeReport {
  const report: ShapeReport = { name: shape.name, group: shape.group, detail: shape.detail, indexed };
  if (baseline) {
    report.baseline = baseline;
    report.speedup = baseline.p50 / indexed.p50;
    if (baseline.timedOutAfterMs !== undefined) report.speedupAtLeast = true;
  }
  if (plan) report.plan = plan;
  if (shape.targetP95Ms === undefined) return report;
  report.targetP95Ms = engine === "pglite" ? PGLITE_P95_MS : shape.targetP95Ms;
  report.latencyOk = indexed.p95 <= report.targetP95Ms;
  if (engine === "postgres" && shape.prefix && report.speedup !== undefined) {
    report.speedupTarget = PREFIX_SPEEDUP;
    report.speedupOk = report.speedup >= PREFIX_SPEEDUP;
  }
  const reasons: string[] = [];
  if (report.latencyOk === false) {
    const where = plan ? `: ${plan.line}` : "";
    reasons.push(`p95 ${ms(indexed.p95)} > ${report.targetP95Ms} ms${where}`);
  }
  if (report.speedupOk === false) {
    reasons.push(
      report.speedupAtLeast
        ? `≥ ${report.speedup?.toFixed(0)}× only proven: the baseline stopped at its statement timeout (${ms(baseline?.p50 ?? 0)})`
        : `only ${report.speedup?.toFixed(0)}× (baseline p50 ${ms(baseline?.p50 ?? 0)} vs ${ms(indexed.p50)})`,
    );
  }
  if (reasons.length > 0) report.reason = reasons.join("; ");
  return report;
}

export interface BulkVerdict {
  what: string;
  figure: string;
  target: string;
  ok: boolean;
  reason?: string;
}

export function judgeLock(what: string, request: BulkRequest): BulkVerdict {
  const full = request.users >= BULK_LOCK_USERS;
  const ok = full && request.serverMs <= BULK_LOCK_MS;
  const verdict: BulkVerdict = {
    what,
    figure: `${request.users} users in ${ms(request.serverMs)} (${request.done} changed)`,
    target: `${BULK_LOCK_USERS} users ≤ ${BULK_LOCK_MS} ms`,
    ok,
  };
  if (!full) {
    let why = request.refused ?? `this run asked for ${request.wanted} users (--quick)`;
    if (!request.refused && request.users < request.wanted)
      why = `the directory had only ${request.users} to choose`;
    const scaled = (request.serverMs / Math.max(1, request.users)) * BULK_LOCK_USERS;
    verdict.reason = `measured on ${request.users} users in one request (≈ ${scaled.toFixed(0)} ms per ${BULK_LOCK_USERS} at that rate): ${why}`;
  } else if (!ok) verdict.reason = `${(request.serverMs / request.users).toFixed(3)} ms per user`;
  return verdict;
}

export function judgeSetPin(setPin: SetPinBench, cores: number): BulkVerdict {
  const ideal = setPin.argon2Single.perSecond * cores;
  const ok = setPin.efficiency >= SET_PIN_EFFICIENCY;
  const verdict: BulkVerdict = {
    what: "bulk Set PIN (generate)",
    figure: `${setPin.done} PINs in ${ms(setPin.serverMs)} = ${setPin.pinsPerSecond.toFixed(1)}/s = ${(setPin.efficiency * 100).toFixed(0)} % of ${ideal.toFixed(1)}/s`,
    target: `≥ ${SET_PIN_EFFICIENCY * 100} % of argon2id × ${cores} cores`,
    ok,
  };
  if (!ok) {
    const concurrent = setPin.argon2Concurrent.perSecond;
    verdict.reason = `argon2id alone reaches ${concurrent.toFixed(1)}/s with ${cores} at once (${((concurrent / ideal) * 100).toFixed(0)} % of ideal); the rest is the request's own work`;
  }
  return verdict;
}

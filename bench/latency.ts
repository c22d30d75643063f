/**
 * Server-side latency of each query shape: a warm-up, then `runs` sequential requests, each timed by the
 * server's own Server-Timing header (request in → headers out, JSON included, loopback excluded).
 */
import type { Client } from "./session.ts";
import type { Shape } from "./shapes.ts";
import { duration, type Percentiles, percentiles } from "./stats.ts";

export interface ShapeTiming extends Percentiles {
  /** Median round trip seen by the client, for comparison with the server's figure. */
  clientP50: number;
  /** Users in the answer, and whether more matched: shows that each term finds what its label says. */
  rows?: number;
  more?: boolean;
  /**
   * Baseline only: a run reached the statement timeout, so the shape's figures are "more than this" (ms)
   * and its speedup "at least" cap ÷ indexed p50. The remaining runs are skipped: they would time out too.
   */
  timedOutAfterMs?: number;
}

function request(client: Client, bridgeHeaders: Record<string, string>, shape: Shape) {
  return shape.method === "GET"
    ? client.get(shape.path)
    : client.post(shape.path, shape.body ?? {}, shape.bridge ? bridgeHeaders : undefined);
}

export async function send(client: Client, bridgeHeaders: Record<string, string>, shape: Shape) {
  const answer = await request(client, bridgeHeaders, shape);
  if (answer.status !== 200) {
    throw new Error(`${shape.name}: HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`);
  }
  return answer;
}

/**
 * A run against a server whose statements stop after `capMs`: an error answer that took at least that long
 * was cut by the timeout (PostgreSQL cancels it and the server answers 500); any other error is the bench's.
 */
async function sendCapped(
  client: Client,
  bridgeHeaders: Record<string, string>,
  shape: Shape,
  capMs: number,
) {
  const answer = await request(client, bridgeHeaders, shape);
  if (answer.status >= 500 && answer.clientMs >= capMs) return "timedOut" as const;
  if (answer.status !== 200) return send(client, bridgeHeaders, shape); // throws, saying why
  return answer;
}

export async function timeShape(
  client: Client,
  bridgeHeaders: Record<string, string>,
  shape: Shape,
  runs: number,
  warmup: number,
  capMs?: number,
): Promise<ShapeTiming> {
  const once = () =>
    capMs === undefined
      ? send(client, bridgeHeaders, shape)
      : sendCapped(client, bridgeHeaders, shape, capMs);
  const timedOut = (cap: number): ShapeTiming => ({
    ...percentiles([cap]),
    clientP50: cap,
    timedOutAfterMs: cap,
  });
  for (let i = 0; i < warmup; i++) if ((await once()) === "timedOut") return timedOut(capMs ?? 0);
  const server: number[] = [];
  const round: number[] = [];
  let last: unknown;
  for (let i = 0; i < runs; i++) {
    const answer = await once();
    if (answer === "timedOut") return timedOut(capMs ?? 0);
    server.push(answer.serverMs);
    round.push(answer.clientMs);
    last = answer.body;
  }
  const found = last as { users?: unknown[]; more?: boolean };
  return {
    ...percentiles(server),
    clientP50: percentiles(round).p50,
    ...(Array.isArray(found?.users) ? { rows: found.users.length, more: found.more ?? false } : {}),
  };
}

const ms = (value: number) => (Number.isNaN(value) ? "–" : value.toFixed(value < 10 ? 2 : 1)).padStart(8);

export function timingHeader(width: number, withRatio = false): string {
  const ratio = withRatio ? "  × indexed p50" : "";
  return `  ${"shape".padEnd(width)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"p99 ms".padStart(8)}  rows${ratio}`;
}

export function timingLine(width: number, name: string, timing: ShapeTiming, ratio?: number): string {
  const rows = timing.rows === undefined ? "" : `${timing.rows}${timing.more ? "+" : ""}`;
  const capped = timing.timedOutAfterMs;
  const times =
    capped === undefined
      ? `${ms(timing.p50)} ${ms(timing.p95)} ${ms(timing.p99)}`
      : `> ${duration(capped)} (statement timeout)`.padStart(26);
  const least = capped === undefined ? " " : "≥";
  const slower = ratio === undefined ? "" : `  ${least}${ratio.toFixed(0).padStart(5)}×`;
  return `  ${name.padEnd(width)} ${times}  ${rows.padStart(4)}${slower}`;
}

/** Times every shape in order, printing each line as it is measured. */
export async function timeShapes(
  client: Client,
  bridgeHeaders: Record<string, string>,
  shapes: Shape[],
  runs: number,
  warmup: number,
  indexed?: Map<string, ShapeTiming>,
  capMs?: number,
): Promise<Map<string, ShapeTiming>> {
  const width = Math.max(...shapes.map((shape) => shape.name.length));
  console.log(timingHeader(width, indexed !== undefined));
  const timings = new Map<string, ShapeTiming>();
  for (const shape of shapes) {
    const timing = await timeShape(client, bridgeHeaders, shape, runs, warmup, capMs);
    timings.set(shape.name, timing);
    const reference = indexed?.get(shape.name);
    console.log(timingLine(width, shape.name, timing, reference ? timing.p50 / reference.p50 : undefined));
  }
  return timings;
}

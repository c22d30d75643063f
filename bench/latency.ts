/**
 * Server-side latency of each query shape: a warm-up, then `runs` sequential requests, each timed by the
 * server's own Server-Timing header (request in → headers out, JSON included, loopback excluded).
 */
import type { Client } from "./session.ts";
import type { Shape } from "./shapes.ts";
import { type Percentiles, percentiles } from "./stats.ts";

export interface ShapeTiming extends Percentiles {
  /** Median round trip seen by the client, for comparison with the server's figure. */
  clientP50: number;
  /** Users in the answer, and whether more matched: shows that each term finds what its label says. */
  rows?: number;
  more?: boolean;
}

export async function send(client: Client, bridgeHeaders: Record<string, string>, shape: Shape) {
  const answer =
    shape.method === "GET"
      ? await client.get(shape.path)
      : await client.post(shape.path, shape.body ?? {}, shape.bridge ? bridgeHeaders : undefined);
  if (answer.status !== 200) {
    throw new Error(`${shape.name}: HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`);
  }
  return answer;
}

export async function timeShape(
  client: Client,
  bridgeHeaders: Record<string, string>,
  shape: Shape,
  runs: number,
  warmup: number,
): Promise<ShapeTiming> {
  for (let i = 0; i < warmup; i++) await send(client, bridgeHeaders, shape);
  const server: number[] = [];
  const round: number[] = [];
  let last: unknown;
  for (let i = 0; i < runs; i++) {
    const answer = await send(client, bridgeHeaders, shape);
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
  const times = `${ms(timing.p50)} ${ms(timing.p95)} ${ms(timing.p99)}`;
  const slower = ratio === undefined ? "" : `  ${ratio.toFixed(0).padStart(6)}×`;
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
): Promise<Map<string, ShapeTiming>> {
  const width = Math.max(...shapes.map((shape) => shape.name.length));
  console.log(timingHeader(width, indexed !== undefined));
  const timings = new Map<string, ShapeTiming>();
  for (const shape of shapes) {
    const timing = await timeShape(client, bridgeHeaders, shape, runs, warmup);
    timings.set(shape.name, timing);
    const reference = indexed?.get(shape.name);
    console.log(timingLine(width, shape.name, timing, reference ? timing.p50 / reference.p50 : undefined));
  }
  return timings;
}

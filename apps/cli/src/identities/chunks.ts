/**
 * Large identity lists a request at a time. One request names at most 100 identities (docs/design.md,
 * "Identity formats"), so 10 000 piped identities are 100 requests, one after the other. A request the
 * server refuses for its own users fails only its chunk: when the refusal is about what the request holds
 * (400, such as one wildcard naming more than 10 000 users, or 413), the chunk is halved and each half sent
 * again, down to the one identity at fault, so its 99 neighbours are still answered; when it is the server's
 * own fault (5xx), the chunk's identities are reported as failed. A failure that any request would meet (the
 * server unreachable, the token or its roles refused) stops the run, and the identities not yet sent are
 * reported as not attempted. A refused request changes nothing, so sending its halves again is safe.
 */
import { ApiRefusal } from "../api/api-client.ts";

/** What one request of identities may name (UserTargets in @pindesk/domain). */
export const IDENTITIES_PER_REQUEST = 100;

export interface ChunkResult<T, R> {
  items: T[];
  /** The index of the chunk's first item in the whole list. */
  first: number;
  answer?: R;
  error?: Error;
}

export interface ChunkRun<T, R> {
  chunks: ChunkResult<T, R>[];
  /** Set when a failure stopped the run: why, and the items never sent. */
  stopped?: { error: Error; notAttempted: T[] };
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError("a chunk holds at least one item");
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/** A refusal that is about the user set of one request, so the next request may fare better. */
export const failsOnlyItsChunk = (error: unknown) => error instanceof ApiRefusal && !error.stopsTheCommand;

/** A refusal about the request's own content: its halves may fare better. */
const splits = (error: unknown) =>
  error instanceof ApiRefusal && (error.status === 400 || error.status === 413);

/** Carries a stopping failure out of the halving, with where the run stopped. */
class Stopped {
  constructor(
    readonly error: Error,
    readonly at: number,
  ) {}
}

export async function runInChunks<T, R>(
  items: readonly T[],
  size: number,
  work: (items: T[]) => Promise<R>,
  progress?: (done: number, total: number) => void,
  isChunkFailure: (error: unknown) => boolean = failsOnlyItsChunk,
): Promise<ChunkRun<T, R>> {
  const run: ChunkRun<T, R> = { chunks: [] };
  async function send(part: T[], first: number): Promise<void> {
    try {
      run.chunks.push({ items: part, first, answer: await work(part) });
    } catch (error) {
      if (!isChunkFailure(error)) throw new Stopped(error as Error, first);
      if (part.length > 1 && splits(error)) {
        const half = Math.ceil(part.length / 2);
        await send(part.slice(0, half), first);
        await send(part.slice(half), first + half);
        return;
      }
      run.chunks.push({ items: part, first, error: error as Error });
    }
  }
  let first = 0;
  progress?.(0, items.length);
  try {
    for (const part of chunk(items, size)) {
      await send(part, first);
      first += part.length;
      progress?.(first, items.length);
    }
  } catch (stop) {
    if (!(stop instanceof Stopped)) throw stop;
    run.stopped = { error: stop.error, notAttempted: items.slice(stop.at) };
  }
  return run;
}

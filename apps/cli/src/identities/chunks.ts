/**
 * Large identity lists a request at a time. One request names at most 100 identities (docs/design.md,
 * "Identity formats"), so 10 000 piped identities are 100 requests, one after the other. A request the
 * server refuses for its own users (a 400 such as too many users, a 500) fails only its chunk, whose
 * identities are reported as such; a failure that any request would meet (the server unreachable, the token
 * or its roles refused) stops the run, and the identities not yet sent are reported as not attempted.
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

export async function runInChunks<T, R>(
  items: readonly T[],
  size: number,
  work: (items: T[]) => Promise<R>,
  progress?: (done: number, total: number) => void,
  isChunkFailure: (error: unknown) => boolean = failsOnlyItsChunk,
): Promise<ChunkRun<T, R>> {
  const run: ChunkRun<T, R> = { chunks: [] };
  let first = 0;
  progress?.(0, items.length);
  for (const part of chunk(items, size)) {
    try {
      run.chunks.push({ items: part, first, answer: await work(part) });
    } catch (error) {
      if (!isChunkFailure(error)) {
        run.stopped = { error: error as Error, notAttempted: items.slice(first) };
        return run;
      }
      run.chunks.push({ items: part, first, error: error as Error });
    }
    first += part.length;
    progress?.(first, items.length);
  }
  return run;
}

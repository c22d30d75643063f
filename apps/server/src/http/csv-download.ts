/**
 * Sends a CSV download chunk by chunk as the chunks are made, never the whole file in memory. A client that
 * reads slower than the database answers holds the next batch back (each write waits for 'drain'), and a
 * client that goes away ends the export: the generator is returned, so no further batch is read. Every
 * download PinDesk sends (Export to CSV, a job's results) goes through here, so each starts with the UTF-8
 * byte order mark Excel needs to read it as UTF-8 (docs/decisions/0010-ldap-search-and-csv-export.md).
 */
import { CSV_BYTE_ORDER_MARK } from "@pindesk/domain/csv/csv";
import type { Request, Response } from "express";

export interface CsvDownloadOptions {
  /** Start the file with U+FEFF (EF BB BF); on unless a reader is known to choke on it. */
  byteOrderMark?: boolean;
}

/** Resolves when the socket wants more, or when it has closed and never will. */
function drainedOrClosed(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

/** Answers whether the whole file was sent (a job's results clear their PINs only then). */
export async function sendCsvDownload(
  req: Request,
  res: Response,
  fileName: string,
  chunks: AsyncGenerator<string>,
  { byteOrderMark = true }: CsvDownloadOptions = {},
): Promise<boolean> {
  let closed = false;
  const onClose = () => {
    closed = true;
  };
  res.on("close", onClose);
  try {
    // The first chunk runs the first query: until it is in hand an error is still a JSON error answer.
    let step = await chunks.next();
    res.status(200);
    res.set("Content-Type", "text/csv; charset=utf-8");
    res.set("Content-Disposition", `attachment; filename="${fileName}"`);
    // Once, after the first query has answered: an error before this point is still a JSON answer.
    if (byteOrderMark) res.write(CSV_BYTE_ORDER_MARK);
    try {
      for (; !step.done && !closed; step = await chunks.next()) {
        if (!res.write(step.value)) await drainedOrClosed(res);
      }
      if (closed) return false;
      res.end();
      return true;
    } catch (error) {
      // The status is sent and cannot change: cut the connection so the file is visibly incomplete.
      req.log.error({ err: error }, "CSV export failed after it started");
      res.destroy();
      return false;
    }
  } finally {
    res.off("close", onClose);
    await chunks.return(undefined);
  }
}

/**
 * The same chunks, with `finished(complete)` awaited once the file has begun: after its last chunk and before
 * the response ends (so whoever reads the file can already see what `finished` wrote, an export's audit event),
 * or when the download is cut off. A file refused before its first chunk (a bad query) never began.
 */
export async function* whenFinished(
  chunks: AsyncGenerator<string>,
  finished: (complete: boolean) => Promise<void>,
): AsyncGenerator<string> {
  let begun = false;
  let complete = false;
  try {
    for await (const chunk of chunks) {
      begun = true;
      yield chunk;
    }
    complete = true;
  } finally {
    if (begun) await finished(complete);
  }
}

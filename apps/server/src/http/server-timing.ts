/**
 * `Server-Timing: app;dur=<ms>` on every response: how long the server spent, from the request's arrival to
 * the headers, so a browser's devtools and the benchmarks read server-side latency without the network's.
 */
import type { RequestHandler } from "express";

export const serverTiming: RequestHandler = (_req, res, next) => {
  const started = process.hrtime.bigint();
  const writeHead = res.writeHead;
  // Headers must be set before they are sent: wrap the one call every response makes.
  res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (!this.headersSent) this.setHeader("Server-Timing", `app;dur=${ms.toFixed(2)}`);
    return writeHead.apply(this, args);
  } as typeof writeHead;
  next();
};

/**
 * Structured logs (pino). Request logs carry method, path, status and time, never bodies, cookies or
 * authorization headers: a body may hold a PIN.
 */
import { type Logger, pino } from "pino";

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: [
        "req.headers.cookie",
        "req.headers.authorization",
        'req.headers["x-csrf-token"]',
        "pin",
        "*.pin",
      ],
      censor: "[redacted]",
    },
  });
}

export const silentLogger: Logger = pino({ level: "silent" });

/** What every command runs with: its streams and environment, and the API once a command needs it. */
import { PinDeskApi } from "../api/api-client.ts";
import { connection } from "../config/connection.ts";
import type { CliIo } from "../io.ts";

export interface CommandContext {
  io: CliIo;
  api(): Promise<PinDeskApi>;
  /** How long a followed job waits between two looks at its progress. */
  pollMs: number;
}

export function commandContext(io: CliIo): CommandContext {
  return {
    io,
    api: async () => new PinDeskApi(await connection(io.env)),
    pollMs: Number(io.env.PINDESK_POLL_MS) || 1000,
  };
}

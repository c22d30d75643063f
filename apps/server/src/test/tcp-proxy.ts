/**
 * A TCP proxy in front of the domain controller, for faults the shared DC must not suffer itself: the DC
 * "goes down" (connections refused), or a connection is cut after some bytes, as a DC restart or a network
 * failure cuts a paged search. TLS passes through untouched (the DC's certificate names 127.0.0.1).
 */

import type { AddressInfo } from "node:net";
import { connect, createServer, type Server, type Socket } from "node:net";

export interface TcpProxy {
  port: number;
  url: string;
  /** Refuse every connection, and cut the open ones: the DC is down. */
  down(): void;
  up(): void;
  /** Cut each new connection after the DC has sent this many bytes (undefined: never). */
  cutAfter(bytes: number | undefined): void;
  /** Connections opened through the proxy so far. */
  connections(): number;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  let isDown = false;
  let cutAt: number | undefined;
  let opened = 0;
  const open = new Set<Socket>();
  const server: Server = createServer((client) => {
    if (isDown) return void client.destroy();
    opened++;
    const upstream = connect(targetPort, "127.0.0.1");
    const limit = cutAt;
    let sent = 0;
    open.add(client);
    open.add(upstream);
    upstream.on("data", (chunk: Buffer) => {
      sent += chunk.length;
      if (limit !== undefined && sent > limit) {
        client.destroy();
        upstream.destroy();
        return;
      }
      client.write(chunk);
    });
    client.on("data", (chunk: Buffer) => upstream.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `ldaps://127.0.0.1:${port}`,
    down() {
      isDown = true;
      for (const socket of open) socket.destroy();
    },
    up() {
      isDown = false;
    },
    cutAfter(bytes) {
      cutAt = bytes;
    },
    connections: () => opened,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

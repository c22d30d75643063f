/** /api/directory: the Directory page (Active Directory connection, syncs, refusals) and Sync now. */
import { SyncRequest } from "@pindesk/domain/directory/directory-sync";
import { defineRoute } from "../../http/define-route.ts";
import { sessionCaller } from "../../http/request-context.ts";
import type { RouteDefinition } from "../../http/routes.ts";
import type { DirectoryService } from "./directory-service.ts";

export function directoryRoutes(directory: DirectoryService): RouteDefinition[] {
  return [
    defineRoute({
      method: "get",
      path: "/directory",
      access: "directory:read",
      summary:
        "Where the directory comes from: the AD connection's settings, the latest syncs and their counts, refusals",
      handle: async (_input, _req, res) => {
        res.json(await directory.status());
      },
    }),
    defineRoute({
      method: "get",
      path: "/directory/connection",
      access: "directory:read",
      summary: "Checks the connection now: LDAPS, the DC's certificate, the sync account's bind",
      handle: async (_input, _req, res) => {
        res.json(await directory.connection());
      },
    }),
    defineRoute({
      method: "post",
      path: "/directory/sync",
      access: "directory:sync",
      summary: "Sync now: an incremental pass (or a full one) on the next look of a replica's sync runner",
      request: { body: SyncRequest },
      handle: async ({ body }, req, res) => {
        await directory.requestSync(sessionCaller(req), body);
        res.status(202).json({ requested: body.kind });
      },
    }),
  ];
}

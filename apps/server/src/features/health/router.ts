/** Liveness (the process answers) and readiness (the database answers), for load balancers and probes. */
import { Router } from "express";
import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema.ts";

export function healthRouter(db: Kysely<Database>): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    try {
      await sql`select 1`.execute(db);
      res.json({ status: "ready" });
    } catch {
      res.status(503).json({ error: { code: "not_ready", message: "The database is not reachable" } });
    }
  });
  return router;
}

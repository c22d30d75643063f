/**
 * Serves the built SPA: hashed assets from disk (cached), and index.html for every other page path (history
 * fallback) with this response's CSP nonce written where Vite left its placeholder (`html.cspNonce`).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import express, { type Router } from "express";

export const CSP_NONCE_PLACEHOLDER = "PINDESK_CSP_NONCE";

export function spaRouter(webDistDir: string): Router {
  const router = express.Router();
  const indexHtml = readFileSync(path.join(webDistDir, "index.html"), "utf8");
  router.use(express.static(webDistDir, { index: false, maxAge: "1h" }));
  router.get("/{*splat}", (_req, res) => {
    res.set("Cache-Control", "no-store");
    res.type("html").send(indexHtml.replaceAll(CSP_NONCE_PLACEHOLDER, res.locals.cspNonce as string));
  });
  return router;
}

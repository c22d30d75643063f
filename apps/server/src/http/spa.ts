/**
 * Serves the built SPA: hashed assets from disk (cached), and index.html for every other page path (history
 * fallback) with this response's CSP nonce written where Vite left its placeholder (`html.cspNonce`). The
 * Dial-in Conferencing Settings page is a page of its own, dialin.html, served for /dialin and below it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import express, { type Request, type Response, type Router } from "express";

export const CSP_NONCE_PLACEHOLDER = "PINDESK_CSP_NONCE";

export function spaRouter(webDistDir: string): Router {
  const router = express.Router();
  const page = (file: string) => {
    const html = readFileSync(path.join(webDistDir, file), "utf8");
    return (_req: Request, res: Response) => {
      res.set("Cache-Control", "no-store");
      res.type("html").send(html.replaceAll(CSP_NONCE_PLACEHOLDER, res.locals.cspNonce as string));
    };
  };
  const consolePage = page("index.html");
  const dialIn = page("dialin.html");
  // The pages only ever with their nonce, also by their file names (static files would keep the placeholder).
  router.get(["/dialin", "/dialin/{*splat}", "/dialin.html"], dialIn);
  router.get("/index.html", consolePage);
  router.use(express.static(webDistDir, { index: false, maxAge: "1h" }));
  router.get("/{*splat}", consolePage);
  return router;
}

/**
 * Serves the built SPA: its files precompressed and hashed assets cached for good (precompressed-static.ts),
 * and index.html for every other page path (history fallback) with this response's CSP nonce written where
 * Vite left its placeholder (`html.cspNonce`). The Dial-in Conferencing Settings page is a page of its own,
 * dialin.html, served for /dialin and below it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import express, { type Request, type Response, type Router } from "express";
import { precompressedStatic, REVALIDATE } from "./precompressed-static.ts";

export const CSP_NONCE_PLACEHOLDER = "PINDESK_CSP_NONCE";

export function spaRouter(webDistDir: string): Router {
  const router = express.Router();
  const page = (file: string) => {
    const html = readFileSync(path.join(webDistDir, file), "utf8");
    return (_req: Request, res: Response) => {
      // Checked with the server on every use, so a new build's chunk names are seen at once; each response
      // differs anyway (its nonce), so a revalidation always gets the page afresh.
      res.set("Cache-Control", REVALIDATE);
      res.type("html").send(html.replaceAll(CSP_NONCE_PLACEHOLDER, res.locals.cspNonce as string));
    };
  };
  const consolePage = page("index.html");
  const dialIn = page("dialin.html");
  // The pages only ever with their nonce, also by their file names (static files would keep the placeholder).
  router.get(["/dialin", "/dialin/{*splat}", "/dialin.html"], dialIn);
  router.get("/index.html", consolePage);
  router.use(precompressedStatic(webDistDir));
  // A chunk no longer there (a page open from before a new build) is missing, not the console's HTML: the
  // import fails and the page says to reload (router.tsx) instead of running HTML as a script.
  router.use("/assets", (_req, res) => {
    res.status(404).type("text").send("Not found");
  });
  router.get("/{*splat}", consolePage);
  return router;
}

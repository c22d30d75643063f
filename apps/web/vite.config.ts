import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./build/precompress.ts";

// The Express BFF serves /api and /healthz; in development Vite forwards them so the page and the API share an
// origin exactly as they do in production (the session cookie and CSRF header will rely on that).
// PINDESK_API_ORIGIN lets a developer point the dev server at a BFF on another port.
const apiOrigin = process.env.PINDESK_API_ORIGIN ?? "http://localhost:8080";

export default defineConfig({
  root: import.meta.dirname,
  // Brotli and gzip copies of the built files, for the server to send as they are (build/precompress.ts).
  plugins: [react(), precompress()],
  // The server replaces this placeholder with each response's CSP nonce (apps/server/src/http/spa.ts).
  html: { cspNonce: "PINDESK_CSP_NONCE" },
  server: {
    proxy: {
      "/api": apiOrigin,
      "/healthz": apiOrigin,
    },
  },
  build: {
    outDir: "dist",
    // Which chunks each page loads first, for the bundle budget (build/bundle-budget.test.ts).
    manifest: true,
    emptyOutDir: true,
    rolldownOptions: {
      // Two pages: the console, and the Dial-in Conferencing Settings page, which shares none of the console's
      // own code (docs/design.md, "Dial-in Conferencing Settings page").
      input: {
        index: path.join(import.meta.dirname, "index.html"),
        dialin: path.join(import.meta.dirname, "dialin.html"),
      },
      output: {
        // Libraries change far less often than PinDesk's own code; separate chunks stay cached across releases.
        codeSplitting: {
          groups: [
            {
              // Fluent UI split by which pages use each part (entriesAware), so the sign-in page does not
              // download the Users page's table and menus; pieces under 4 kB join a neighbour rather than
              // cost a request each (docs/decisions/0028-bundle-and-compression.md).
              name: "fluent",
              test: /node_modules[\\/](@fluentui|@griffel|tabster|keyborg|@floating-ui)/,
              entriesAware: true,
              entriesAwareMergeThreshold: 4_000,
            },
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|react-router|scheduler|@tanstack)[\\/]/,
            },
            { name: "zod", test: /node_modules[\\/]zod[\\/]/ },
          ],
        },
      },
    },
  },
});

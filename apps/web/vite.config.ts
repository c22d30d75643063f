import path from "node:path";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The Express BFF serves /api and /healthz; in development Vite forwards them so the page and the API share an
// origin exactly as they do in production (the session cookie and CSRF header will rely on that).
// PINDESK_API_ORIGIN lets a developer point the dev server at a BFF on another port.
const apiOrigin = process.env.PINDESK_API_ORIGIN ?? "http://localhost:8080";

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
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
            { name: "fluent", test: /node_modules[\\/](@fluentui|@griffel|tabster|keyborg|@floating-ui)/ },
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

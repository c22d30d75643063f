/**
 * Preloaded before dependency-cruiser (npm run lint): TypeScript 7 has no JavaScript compiler API, so the
 * cruiser parses with swc, which it asks for TypeScript without JSX; a .tsx file needs swc's `tsx` flag.
 * Patching the shared CommonJS module before the cruiser imports it hands every .tsx file the flag.
 */
import { createRequire } from "node:module";

const swc = createRequire(import.meta.url)("@swc/core");
const parseFileSync = swc.parseFileSync;
swc.parseFileSync = (file, options) =>
  parseFileSync(file, { ...options, tsx: String(file).endsWith(".tsx") });

/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside each built file a browser fetches as it is, so the
 * server sends them without compressing per request (apps/server/src/http/precompressed-static.ts;
 * docs/decisions/0028-bundle-and-compression.md). Both at their highest level: it costs the build a few
 * seconds once, not each response. A copy that would not be smaller is not written; the file goes as it is.
 * The pages (.html) are left out: the server writes each one per response, with its nonce.
 */
import { existsSync } from "node:fs";
import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin } from "vite";

const COMPRESSIBLE = /\.(js|mjs|css|svg|json|txt|xml|wasm)$/;

const toBrotli = promisify(brotliCompress);
const toGzip = promisify(gzip);

export async function precompressFolder(root: string): Promise<number> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    // Not the build's own notes (.vite/manifest.json): the server does not serve them.
    .filter((file) => !path.relative(root, file).startsWith("."));
  let written = 0;
  await Promise.all(
    files.map(async (file) => {
      const bytes = await readFile(file);
      const copies = await Promise.all([
        toBrotli(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          },
        }),
        toGzip(bytes, { level: constants.Z_BEST_COMPRESSION }),
      ]);
      for (const [suffix, copy] of [
        [".br", copies[0]],
        [".gz", copies[1]],
      ] as const) {
        if (copy.length >= bytes.length) continue;
        await writeFile(file + suffix, copy);
        written++;
      }
    }),
  );
  return written;
}

/** The Vite plugin: after the build has written its files. */
export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "pindesk-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      // Called after a failed build too, which wrote nothing: its own error is the one to see.
      if (!existsSync(outDir)) return;
      const written = await precompressFolder(outDir);
      this.info(`${written} precompressed copies (.br, .gz) written`);
    },
  };
}

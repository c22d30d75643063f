/**
 * What a page of the built console downloads before it can show anything: the HTML entry's chunks and the
 * chunks of the page's own lazy routes, each with every chunk it imports statically, read from Vite's
 * manifest (`build.manifest`). Dynamic imports past those are loaded later, on demand, and are not counted.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export function readManifest(distDir: string): Manifest {
  return JSON.parse(readFileSync(path.join(distDir, ".vite/manifest.json"), "utf8")) as Manifest;
}

/** The output files (JS and CSS) that loading these manifest entries fetches before running them. */
export function initialFiles(manifest: Manifest, entries: readonly string[]): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build's manifest`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const entry of entries) visit(entry);
  return [...files].sort();
}

export interface Weight {
  files: number;
  raw: number;
  gzip: number;
}

/** Raw and gzipped (level 9, as the build's precompressed copies) bytes of the files with this extension. */
export function weigh(distDir: string, files: readonly string[], extension: ".js" | ".css"): Weight {
  const chosen = files.filter((file) => file.endsWith(extension));
  let raw = 0;
  let gzip = 0;
  for (const file of chosen) {
    const bytes = readFileSync(path.join(distDir, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: chosen.length, raw, gzip };
}

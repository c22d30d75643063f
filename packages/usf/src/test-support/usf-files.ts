/** Builders the .usf tests share: a version-1 file around some body lines, and the problems a refusal lists. */
import { parseUsf } from "../parse-usf.ts";

export const HEAD = '<?xml version="1.0" encoding="utf-8"?>';
export const ROOT = '<UserSearch xmlns="urn:pindesk:usf" version="1">';

export const file = (...body: string[]) => [HEAD, ROOT, ...body, "</UserSearch>"].join("\n");

export const problems = (text: string | Uint8Array) => {
  const result = parseUsf(text);
  if (result.ok) throw new Error("expected the file to be refused");
  return result.problems;
};

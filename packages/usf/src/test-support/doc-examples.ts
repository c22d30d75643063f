/** The ```xml examples of docs/usf-format.md, so the tests hold the document to the code. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const DOC = fileURLToPath(new URL("../../../../docs/usf-format.md", import.meta.url));

export function docExamples(): string[] {
  const text = readFileSync(DOC, "utf8");
  return [...text.matchAll(/```xml\n([\s\S]*?)```/g)].map((match) => match[1] as string);
}

/**
 * A strict reader of Prometheus's text exposition format (version 0.0.4), as a scraper reads it: every line a
 * `# HELP`, a `# TYPE` or a sample; every sample of a family its TYPE announced; names and label names of the
 * allowed characters; label values quoted with only \\, \" and \n escaped; values numbers (or ±Inf, NaN).
 * It throws naming the line, so a test fails on the first thing Prometheus itself would refuse.
 */

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set(["counter", "gauge", "histogram", "summary", "untyped"]);
/** The families a histogram's or a summary's samples belong to. */
const SUFFIXES = ["_bucket", "_sum", "_count"];

/** As Prometheus reads a value (Go's ParseFloat): a number, or Inf and NaN in any case. */
function parseValue(text: string, raw: string, line: number): number {
  if (/^[+]?inf$/i.test(text)) return Number.POSITIVE_INFINITY;
  if (/^-inf$/i.test(text)) return Number.NEGATIVE_INFINITY;
  if (/^nan$/i.test(text)) return Number.NaN;
  const value = Number(text);
  if (text === "" || Number.isNaN(value)) throw new Error(`line ${line}: "${text}" is not a number: ${raw}`);
  return value;
}

/** `{a="x",b="y"}` from position `at` (the `{`); answers the labels and the position after the `}`. */
function parseLabels(text: string, at: number, line: number): [Record<string, string>, number] {
  const labels: Record<string, string> = {};
  let i = at + 1;
  while (text[i] !== "}") {
    const eq = text.indexOf("=", i);
    const name = text.slice(i, eq);
    if (eq < 0 || !LABEL_NAME.test(name)) throw new Error(`line ${line}: bad label name "${name}"`);
    if (text[eq + 1] !== '"') throw new Error(`line ${line}: label ${name}'s value is not quoted`);
    let value = "";
    for (i = eq + 2; text[i] !== '"'; i++) {
      if (i >= text.length) throw new Error(`line ${line}: label ${name}'s value is not closed`);
      if (text[i] === "\\") {
        const escaped = text[++i];
        if (escaped === "n") value += "\n";
        else if (escaped === "\\" || escaped === '"') value += escaped;
        else throw new Error(`line ${line}: bad escape \\${escaped} in label ${name}`);
      } else value += text[i];
    }
    if (name in labels) throw new Error(`line ${line}: label ${name} twice`);
    labels[name] = value;
    i++;
    if (text[i] === ",") i++;
    else if (text[i] !== "}") throw new Error(`line ${line}: expected , or } after label ${name}`);
  }
  return [labels, i + 1];
}

export function parsePrometheusText(text: string): Sample[] {
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = index + 1;
    if (raw === "") return;
    if (raw.startsWith("#")) {
      const [, keyword, name = "", rest = ""] = raw.match(/^# (HELP|TYPE) (\S+) ?(.*)$/) ?? [];
      if (!keyword) return; // a comment
      if (!NAME.test(name)) throw new Error(`line ${line}: bad metric name "${name}"`);
      if (keyword === "TYPE") {
        if (!TYPES.has(rest)) throw new Error(`line ${line}: unknown type "${rest}"`);
        if (types.has(name)) throw new Error(`line ${line}: a second TYPE for ${name}`);
        types.set(name, rest);
      }
      return;
    }
    const nameEnd = raw.search(/[{ ]/);
    const name = raw.slice(0, nameEnd);
    if (nameEnd < 0 || !NAME.test(name)) throw new Error(`line ${line}: bad sample "${raw}"`);
    let labels: Record<string, string> = {};
    let rest = nameEnd;
    if (raw[nameEnd] === "{") [labels, rest] = parseLabels(raw, nameEnd, line);
    const [value = "", timestamp, extra] = raw.slice(rest).trim().split(" ");
    if (extra !== undefined || (timestamp !== undefined && !/^-?\d+$/.test(timestamp)))
      throw new Error(`line ${line}: unexpected text after the value: "${raw}"`);
    const family = types.has(name)
      ? name
      : SUFFIXES.filter((suffix) => name.endsWith(suffix))
          .map((suffix) => name.slice(0, -suffix.length))
          .find((f) => types.has(f));
    if (!family) throw new Error(`line ${line}: ${name} has no TYPE before it`);
    samples.push({ name, labels, value: parseValue(value, raw, line) });
  });
  return samples;
}

/** The value of the one sample with this name and these labels (others may be present), or undefined. */
export function sampleValue(
  samples: readonly Sample[],
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const found = samples.filter(
    (sample) =>
      sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
  );
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
  return found[0]?.value;
}

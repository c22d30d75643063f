/**
 * The users a PIN command is for, as Lock-CsClientPin takes them: identities as arguments, or piped in one
 * per line (`pindesk users find … --output ids | pindesk pin lock`). Any Cs identity format, wildcards
 * included (docs/design.md, "Identity formats"); each is checked with the server's own parser first, so one
 * bad line is refused by name instead of failing the request that carries it.
 */
import type { Readable } from "node:stream";
import { parseUserIdentity } from "@pindesk/domain/identity/user-identity";
import { UsageError } from "../errors.ts";

export interface IdentityList {
  /** Well-formed identities, first spelling of each kept once, in the order given. */
  identities: string[];
  /** Lines that are no identity, each with why. */
  malformed: { identity: string; message: string }[];
}

export async function readLines(stream: Readable): Promise<string[]> {
  stream.setEncoding("utf8");
  let text = "";
  for await (const chunk of stream) text += chunk;
  return text.split(/\r?\n/);
}

/** Identities from the arguments, else from standard input when it is not a terminal. */
export async function readIdentities(
  args: string[],
  stdin: Readable & { isTTY?: boolean },
): Promise<IdentityList> {
  if (args.length === 0 && stdin.isTTY) {
    throw new UsageError("name at least one identity, or pipe identities in one per line");
  }
  const list = sortIdentities(args.length > 0 ? args : await readLines(stdin));
  if (list.identities.length === 0 && list.malformed.length === 0) {
    throw new UsageError(
      args.length > 0 ? "every identity given is empty" : "standard input held no identities (one per line)",
    );
  }
  return list;
}

/** Blank lines are skipped; the rest is trimmed, checked and kept once. */
export function sortIdentities(lines: readonly string[]): IdentityList {
  const seen = new Set<string>();
  const list: IdentityList = { identities: [], malformed: [] };
  for (const line of lines) {
    const identity = line.trim();
    if (identity === "" || seen.has(identity)) continue;
    seen.add(identity);
    const parsed = parseUserIdentity(identity);
    if (parsed.ok) list.identities.push(identity);
    else list.malformed.push({ identity, message: parsed.message });
  }
  return list;
}

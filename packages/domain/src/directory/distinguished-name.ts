/**
 * Distinguished names as Active Directory writes them: `CN=Ken Myer,OU=Finance,DC=litwareinc,DC=com`.
 * Commas inside a value are escaped (`CN=Myer\, Ken`), so components are split on unescaped commas only.
 */

export interface RelativeName {
  readonly type: string;
  readonly value: string;
}

const COMPONENT_TYPES = new Set(["cn", "ou", "dc", "o", "l", "st", "c", "street", "uid"]);

/** Splits a DN into its components, outermost last; undefined when it is not a well-formed DN. */
export function parseDistinguishedName(dn: string): RelativeName[] | undefined {
  const trimmed = dn.trim();
  if (trimmed === "") return undefined;
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < trimmed.length; i++) {
    const ch = trimmed[i];
    if (ch === "\\" && i + 1 < trimmed.length) {
      current += ch + trimmed[i + 1];
      i++;
    } else if (ch === ",") {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  parts.push(current);
  const names: RelativeName[] = [];
  for (const part of parts) {
    const eq = part.indexOf("=");
    if (eq <= 0) return undefined;
    const type = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim();
    if (!COMPONENT_TYPES.has(type) || value === "") return undefined;
    names.push({ type, value });
  }
  return names;
}

/**
 * A key that turns "in this OU or any child OU" into a prefix test: the components of a container's DN,
 * lower-cased, outermost first, each followed by a comma. `OU=Finance,DC=litwareinc,DC=com` becomes
 * `dc=com,dc=litwareinc,ou=finance,` and a user in `OU=Payroll,OU=Finance,…` has a key that starts with it.
 */
export function containerKey(names: readonly RelativeName[]): string {
  return names
    .slice()
    .reverse()
    .map((name) => `${name.type}=${name.value.toLowerCase()},`)
    .join("");
}

/** The key of the container that holds an object: its DN without the first (CN=…) component. */
export function parentContainerKey(dn: string): string | undefined {
  const names = parseDistinguishedName(dn);
  if (!names || names.length < 2) return undefined;
  return containerKey(names.slice(1));
}

/** The key of an OU or container DN given in a filter; undefined when the DN is malformed. */
export function organizationalUnitKey(dn: string): string | undefined {
  const names = parseDistinguishedName(dn);
  return names ? containerKey(names) : undefined;
}

/** One spelling per DN for lookups: components lower-cased, no spaces around `=` or `,`. */
export function normalizeDistinguishedName(dn: string): string | undefined {
  const names = parseDistinguishedName(dn);
  return names?.map((name) => `${name.type}=${name.value.toLowerCase()}`).join(",");
}

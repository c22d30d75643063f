/**
 * The query shapes issue 6 asks for, with terms taken from the synthetic directory's own generator, so each
 * term finds what its label says whatever the directory's size: one real user (past the middle of the
 * directory, with a SIP address and a line URI) gives the selective prefixes; its first name (2 % of users,
 * 50 first names) is the text beside each filter; the pools, sites, OUs and departments are the seed's.
 */
import { SORT_KEYS, SORT_LABELS } from "@pindesk/domain/users/search-sort";
import { syntheticUser } from "../apps/server/src/core/directory/seed/synthetic-directory.ts";

export type ShapeGroup = "search" | "filter" | "filter + text" | "sort" | "sort + text" | "LDAP" | "other";

export interface Shape {
  name: string;
  group: ShapeGroup;
  /** What was sent, for the report (the search text, the clause, the LDAP filter). */
  detail: string;
  /** issue 6 part 2: p95 target on PostgreSQL at 1 M users, in ms; none for the reference routes. */
  targetP95Ms?: number;
  /** A Search users term: must be ≥ 100× faster than without the indexes. */
  prefix?: boolean;
  method: "GET" | "POST";
  path: string;
  body?: object;
  /** Sent with the service key rather than the console session. */
  bridge?: boolean;
}

/** The user the selective terms come from: the first at or after 61.8 % of the directory with a line URI. */
export function exampleUser(seed: number, users: number) {
  for (let step = 0; step < users; step++) {
    const index = (Math.floor(users * 0.618) + step) % users;
    const user = syntheticUser(seed, index, []);
    if (user.lineUri && user.sipAddress) return user;
  }
  throw new Error("No synthetic user has a line URI");
}

const search = (searchText: string, filters: object[] = [], maxUsers = 200) => ({
  mode: "Search",
  searchText,
  maxUsers,
  filters,
});
const clause = (property: string, value: string, operator = "EqualTo") => ({ property, operator, value });

export const PIN_CHECK_PIN = "730518";

export function buildShapes(seed: number, users: number): Shape[] {
  const user = exampleUser(seed, users);
  const first = user.firstName ?? "";
  const last = user.lastName ?? "";
  const tag = user.displayName.split(" ").at(-1) ?? "";
  const sam = user.samAccountName;
  // tel:+1425NNNNNNN;ext=NNNN → "+1425" and six of the seven digits: the ten numbers that share them.
  const line = (user.lineUri ?? "").slice("tel:".length, "tel:".length + 11);

  const term = (name: string, text: string, target: number, prefix = true): Shape => ({
    name,
    group: "search",
    detail: JSON.stringify(text),
    targetP95Ms: target,
    prefix: prefix && text !== "",
    method: "POST",
    path: "/api/users/search",
    body: search(text),
  });
  const shapes: Shape[] = [
    term("empty search (everyone, first 200)", "", 50),
    term("1-letter term", "m", 50),
    term("2-letter term", "ma", 20),
    term("prefix: display name", user.displayName.slice(0, -1), 20),
    term("prefix: first name (2 % of users)", first, 20),
    term("prefix: last name (2 % of users)", last, 20),
    term("prefix: SAM account name", sam.slice(0, -1), 20),
    term("prefix: SIP address with sip:", `sip:${sam}`, 20),
    term("prefix: SIP address without sip:", `${sam}@litwareinc`, 20),
    term("prefix: line URI with tel:", `tel:${line}`, 20),
    term("prefix: line URI without tel:", line, 20),
    term("first last", `${first} ${last}`, 20),
  ];

  const filters: [string, object][] = [
    ["text, trailing-part wildcard: Title", clause("Title", "*Engineer")],
    ["text, infix wildcard (rare): Display name", clause("DisplayName", `*${last} ${tag.slice(0, 3)}*`)],
    ["choice: Registrar pool", clause("RegistrarPool", "dub-cs-001.litwareinc.com")],
    ["choice: Site", clause("Site", "Redmond")],
    ["choice: PIN policy (demo users only)", clause("PinPolicy", "tag:ExecutivePinPolicy")],
    ["yes/no: Enabled", clause("Enabled", "True")],
    ["yes/no: Enterprise Voice", clause("EnterpriseVoiceEnabled", "True")],
    ["yes/no: PIN is set", clause("IsPinSet", "True")],
    ["yes/no: PIN is locked (~0.5 %)", clause("IsLockedOut", "True")],
    ["OU (one department)", clause("OU", "OU=Finance,OU=Synthetic,DC=litwareinc,DC=com")],
    ["OU with child OUs", clause("OU", "OU=Synthetic,DC=litwareinc,DC=com")],
    ["Not equal to: Department", clause("Department", "Finance", "NotEqualTo")],
    ["Not equal to: Enabled (5 %)", clause("Enabled", "True", "NotEqualTo")],
  ];
  for (const [name, filter] of filters) {
    for (const withText of [false, true]) {
      shapes.push({
        name: withText ? `${name} + "${first}"` : name,
        group: withText ? "filter + text" : "filter",
        detail: JSON.stringify(filter) + (withText ? ` + text ${JSON.stringify(first)}` : ""),
        targetP95Ms: 20,
        method: "POST",
        path: "/api/users/search",
        body: search(withText ? first : "", [filter]),
      });
    }
  }

  // Column sorting (decision 0027): everyone in each column's order both ways, then the first name (2 % of
  // users) in each column's order, the first page as the Users page asks for it.
  for (const by of SORT_KEYS) {
    for (const direction of ["asc", "desc"] as const) {
      if (by === "name" && direction === "asc") continue; // the empty search above
      shapes.push({
        name: `sort: ${SORT_LABELS[by]} ${direction === "asc" ? "ascending" : "descending"}`,
        group: "sort",
        detail: JSON.stringify({ by, direction }),
        targetP95Ms: 20,
        method: "POST",
        path: "/api/users/search",
        body: { ...search(""), sort: { by, direction } },
      });
    }
    shapes.push({
      name: `sort: ${SORT_LABELS[by]} descending + "${first}"`,
      group: "sort + text",
      detail: `${JSON.stringify({ by, direction: "desc" })} + text ${JSON.stringify(first)}`,
      targetP95Ms: 20,
      method: "POST",
      path: "/api/users/search",
      body: { ...search(first), sort: { by, direction: "desc" } },
    });
  }

  const ldap = (name: string, ldapFilter: string): Shape => ({
    name,
    group: "LDAP",
    detail: ldapFilter,
    targetP95Ms: 20,
    method: "POST",
    path: "/api/users/search",
    body: { mode: "LdapSearch", ldapFilter, maxUsers: 200, filters: [] },
  });
  shapes.push(
    ldap("LDAP: department and title", "(&(department=Finance)(title=Manager))"),
    ldap("LDAP: substring (2 % of users)", `(displayName=*${last}*)`),
  );

  // Reference routes, not search: the floor every request pays (Express alone, then with the session look-up),
  // and a dial-in bridge's PIN check (argon2id).
  shapes.push(
    { name: "GET /healthz (floor)", group: "other", detail: "", method: "GET", path: "/healthz" },
    {
      name: "GET /api/auth/me (session floor)",
      group: "other",
      detail: "",
      method: "GET",
      path: "/api/auth/me",
    },
    {
      name: "PIN check (right PIN)",
      group: "other",
      detail: user.sipAddress ?? "",
      method: "POST",
      path: "/api/pin-auth",
      body: { identity: user.sipAddress, pin: PIN_CHECK_PIN },
      bridge: true,
    },
  );
  return shapes;
}

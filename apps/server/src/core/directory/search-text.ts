/**
 * The Search users box (docs/design.md, "Search box"): a case-insensitive prefix of display name, first name,
 * last name, SAM account name, SIP address (`sip:` optional) or line URI (`tel:` optional); a term with a
 * space also matches first name + last name prefixes, in either order, as Active Directory's ambiguous name
 * resolution.
 *
 * Each way of matching is its own branch, OR-ed by a UNION (user-search.ts). The display-name branch walks
 * its index in display order and stops at the cap; the others read their own key's range, which their index
 * holds with the display-name key, and sort it (docs/decisions/0013).
 */
import { searchTerm } from "@pindesk/domain/users/search-term";
import { type RawBuilder, type SqlBool, sql } from "kysely";
import { startsWith, withoutScheme } from "./text-match.ts";

const key = (name: string) => sql.ref(`u.${name}`);

export interface Branch {
  condition: RawBuilder<SqlBool>;
  /** "index": walk the display-name index and stop at the cap; "sort": read the branch's range, then sort. */
  order: "index" | "sort";
}

const sorted = (condition: RawBuilder<SqlBool>): Branch => ({ condition, order: "sort" });

export function searchTextBranches(searchText: string | undefined): Branch[] {
  const term = searchTerm(searchText);
  if (term === "") return [];
  const branches: Branch[] = [
    { condition: startsWith(key("display_name_key"), term), order: "index" },
    sorted(startsWith(key("first_name_key"), term)),
    sorted(startsWith(key("last_name_key"), term)),
    sorted(startsWith(key("sam_key"), term)),
    sorted(startsWith(key("sip_key"), withoutScheme(term, "sip:"))),
    sorted(startsWith(key("line_key"), withoutScheme(term, "tel:"))),
  ];
  const space = term.search(/\s/);
  if (space > 0) {
    const first = term.slice(0, space);
    const rest = term.slice(space).trim();
    branches.push(
      sorted(
        sql<SqlBool>`(${startsWith(key("first_name_key"), first)} and ${startsWith(key("last_name_key"), rest)})`,
      ),
      sorted(
        sql<SqlBool>`(${startsWith(key("first_name_key"), rest)} and ${startsWith(key("last_name_key"), first)})`,
      ),
    );
  }
  return branches;
}

/**
 * What the Search users box looks for (docs/design.md, "Search box"): the start of names, addresses and
 * numbers, so `Ken` already means "Ken…". A trailing `*`, as admins type from habit (Get-CsUser's
 * -Identity takes wildcards), means the same and is dropped; a `*` anywhere else is taken literally — it
 * matches nothing, and the page says why (`searchTextHint`) and where wildcards go instead.
 */

/** The term the search runs with: trimmed, without trailing `*`. `*` alone lists everyone, as empty does. */
export function searchTerm(text: string | undefined): string {
  return (text ?? "").trim().replace(/[\s*]+$/u, "");
}

/** Why a search text will find nothing however the directory looks: a `*` the box cannot use. */
export function searchTextHint(text: string | undefined): string | undefined {
  if (!searchTerm(text).includes("*")) return undefined;
  return "The search box matches the start of names, so * works only at the end (Ken*). For a wildcard elsewhere, use Add Filter with a value such as *Myer.";
}

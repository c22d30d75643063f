/**
 * The search area of the Users page: Open/Save query, the Search / LDAP Search switch, the search box (or LDAP
 * filter), Find, Maximum users to display and the Add Filter rows.
 * It edits a draft; only Find commits the draft (to the URL, which drives the search).
 */
import { MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { searchQueryToParams } from "@pindesk/domain/users/search-url";
import { useState } from "react";
import type { CommittedSearch } from "../hooks/use-committed-search.ts";
import type { OpenedFile } from "../hooks/use-open-usf-file.ts";
import { type DraftErrors, draftFromQuery, queryFromDraft, type SearchDraft } from "../lib/search-draft.ts";
import { FilterList } from "./filter-list.tsx";
import { QueryToolbar } from "./saved-queries/query-toolbar.tsx";
import { SearchModeSwitch } from "./search-mode-switch.tsx";
import { SearchTextRow } from "./search-text-row.tsx";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

const NO_ERRORS: DraftErrors = { clauses: {} };

const sameQuery = (a: SearchQuery, b: SearchQuery) =>
  searchQueryToParams(a).toString() === searchQueryToParams(b).toString();

interface SearchFormProps {
  committed: CommittedSearch;
  onFind: (query: SearchQuery) => void;
  /** Find was pressed on a search with problems (shown in the form): nothing ran. */
  onRefused: () => void;
  /** A .usf file dropped on the page. */
  dropped: OpenedFile | undefined;
}

export function SearchForm({ committed, onFind, onRefused, dropped }: SearchFormProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<SearchDraft>(() => draftFromQuery(committed.query));
  const [errors, setErrors] = useState<DraftErrors>(NO_ERRORS);
  const [shown, setShown] = useState({ key: committed.key, query: committed.query });

  if (shown.key !== committed.key) {
    // The URL changed (Find, Back, Forward, a pasted link, a column title's click). Show the search it now
    // holds — unless the form already says the same thing, as right after Find, so rows keep their identity
    // and focus stays put. A new order alone changes only the draft's order: what is being typed stays.
    const sortOnly = sameQuery({ ...shown.query, sort: committed.query.sort }, committed.query);
    setShown({ key: committed.key, query: committed.query });
    setErrors(NO_ERRORS);
    const current = queryFromDraft(draft);
    if (sortOnly) setDraft({ ...draft, sort: committed.query.sort });
    else if (!current.ok || !sameQuery(current.query, committed.query))
      setDraft(draftFromQuery(committed.query));
  }

  const update = (patch: Partial<SearchDraft>) => setDraft((previous) => ({ ...previous, ...patch }));

  /** The form's search, or undefined with its problems shown. */
  const checkedQuery = (): SearchQuery | undefined => {
    const result = queryFromDraft(draft);
    setErrors(result.ok ? NO_ERRORS : result.errors);
    return result.ok ? result.query : undefined;
  };

  const find = () => {
    const query = checkedQuery();
    if (query) onFind(query);
    else onRefused();
  };

  /** An opened query replaces the whole form, then runs, as Open query then Find does in Lync. */
  const open = (query: SearchQuery) => {
    setDraft(draftFromQuery(query));
    setErrors(NO_ERRORS);
    onFind(query);
  };

  return (
    <search className={styles.root}>
      <QueryToolbar
        currentQuery={checkedQuery}
        committedQuery={committed.status === "search" ? committed.query : undefined}
        onOpen={open}
        dropped={dropped}
      />
      <SearchModeSwitch mode={draft.mode} onChange={(mode) => update({ mode })} />
      <SearchTextRow
        mode={draft.mode}
        searchText={draft.searchText}
        ldapFilter={draft.ldapFilter}
        maxUsers={draft.maxUsers}
        errors={errors}
        onSearchTextChange={(searchText) => update({ searchText })}
        onLdapFilterChange={(ldapFilter) => update({ ldapFilter })}
        onMaxUsersChange={(maxUsers) => update({ maxUsers })}
        onFind={find}
      />
      <FilterList
        clauses={draft.clauses}
        errors={errors.clauses}
        onChange={(clauses) => update({ clauses })}
        onFind={find}
      />
      {errors.form && (
        <MessageBar intent="error">
          <MessageBarBody>{errors.form}</MessageBarBody>
        </MessageBar>
      )}
    </search>
  );
}

import { Button, Field, Input, makeStyles, SpinButton, tokens } from "@fluentui/react-components";
import { FilterRegular, SearchRegular } from "@fluentui/react-icons";
import { DEFAULT_MAX_USERS, MAX_USERS_LIMIT, type SearchMode } from "@pindesk/domain/users/search-query";
import { searchTextHint } from "@pindesk/domain/users/search-term";
import { type KeyboardEvent, useEffect, useRef } from "react";
import type { DraftErrors } from "../lib/search-draft.ts";

const useStyles = makeStyles({
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  searchField: { flexGrow: 1, flexBasis: "320px", maxWidth: "560px" },
  // Lines the button up with the input, below the field label.
  find: {
    marginTop: `calc(${tokens.lineHeightBase300} + ${tokens.spacingVerticalXS} + ${tokens.spacingVerticalXXS})`,
    minWidth: "88px",
  },
  maxField: { width: "180px" },
});

interface SearchTextRowProps {
  mode: SearchMode;
  searchText: string;
  ldapFilter: string;
  maxUsers: string;
  errors: DraftErrors;
  onSearchTextChange: (searchText: string) => void;
  onLdapFilterChange: (ldapFilter: string) => void;
  onMaxUsersChange: (maxUsers: string) => void;
  onFind: () => void;
}

export function SearchTextRow(props: SearchTextRowProps) {
  const styles = useStyles();
  const parsedMax = /^\d+$/.test(props.maxUsers) ? Number(props.maxUsers) : null;
  const hint = searchTextHint(props.searchText);
  const findOnEnter = (event: KeyboardEvent) => {
    if (event.key === "Enter") {
      event.preventDefault();
      props.onFind();
    }
  };

  return (
    <div className={styles.row}>
      {props.mode === "Search" ? (
        <Field
          className={styles.searchField}
          label="Search users"
          hint="Start of a name, SIP address, phone number or account name. Leave empty to list everyone."
          // A * the box cannot use finds nothing: said while typing, before Find (search-term.ts).
          validationMessage={props.errors.searchText ?? hint}
          validationState={props.errors.searchText ? "error" : hint ? "warning" : "none"}
        >
          {/* type="text", not "search": the box is announced (and found by tests) as a text box. */}
          {/* data-page-focus: the field focus moves to on arriving at the page (docs/design.md, "Focus"). */}
          <Input
            data-page-focus
            value={props.searchText}
            contentBefore={<SearchRegular aria-hidden />}
            onChange={(_, data) => props.onSearchTextChange(data.value)}
            onKeyDown={findOnEnter}
          />
        </Field>
      ) : (
        <LdapFilterField
          className={styles.searchField}
          value={props.ldapFilter}
          error={props.errors.ldapFilter}
          onChange={props.onLdapFilterChange}
          onKeyDown={findOnEnter}
        />
      )}
      <Button appearance="primary" className={styles.find} onClick={props.onFind}>
        Find
      </Button>
      <Field
        className={styles.maxField}
        label="Maximum users to display"
        validationMessage={props.errors.maxUsers}
      >
        <SpinButton
          min={1}
          max={MAX_USERS_LIMIT}
          value={parsedMax}
          displayValue={props.maxUsers}
          placeholder={String(DEFAULT_MAX_USERS)}
          onChange={(_, data) => {
            // Arrows and steps give a number; typing gives text, which Find checks.
            if (data.value !== undefined && data.value !== null) props.onMaxUsersChange(String(data.value));
            else if (data.displayValue !== undefined) props.onMaxUsersChange(data.displayValue.trim());
          }}
        />
      </Field>
    </div>
  );
}

interface LdapFilterFieldProps {
  className: string;
  value: string;
  error: DraftErrors["ldapFilter"];
  onChange: (value: string) => void;
  onKeyDown: (event: KeyboardEvent) => void;
}

/** The LDAP Search box: a refused filter puts the caret on the character the parser stopped at. */
function LdapFilterField({ className, value, error, onChange, onKeyDown }: LdapFilterFieldProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!error || error.position === undefined || !input.current) return;
    input.current.focus();
    input.current.setSelectionRange(error.position, Math.min(error.position + 1, input.current.value.length));
  }, [error]);
  return (
    <Field
      className={className}
      label="LDAP filter"
      hint="An LDAP filter over Active Directory attributes, e.g. (&(department=Finance)(title=Manager))"
      validationMessage={error?.message}
    >
      <Input
        ref={input}
        data-page-focus
        value={value}
        contentBefore={<FilterRegular aria-hidden />}
        onChange={(_, data) => onChange(data.value)}
        onKeyDown={onKeyDown}
        spellCheck={false}
      />
    </Field>
  );
}

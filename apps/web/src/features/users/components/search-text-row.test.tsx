import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { SearchTextRow } from "./search-text-row.tsx";

function renderWith(searchText: string, error?: string) {
  const nothing = () => undefined;
  render(
    <FluentProvider theme={webLightTheme}>
      <SearchTextRow
        mode="Search"
        searchText={searchText}
        ldapFilter=""
        maxUsers="200"
        errors={error ? { searchText: error, clauses: {} } : { clauses: {} }}
        onSearchTextChange={nothing}
        onLdapFilterChange={nothing}
        onMaxUsersChange={nothing}
        onFind={nothing}
      />
    </FluentProvider>,
  );
}

describe("the Search users box", () => {
  it("says why a * before the end finds nothing, and where wildcards go", () => {
    renderWith("*Myer");
    expect(screen.getByText(/matches the start of names, so \* works only at the end/)).toBeTruthy();
    expect(screen.getByText(/use Add Filter/)).toBeTruthy();
  });

  it("says nothing of a trailing *, which works", () => {
    renderWith("Ken*");
    expect(screen.queryByText(/works only at the end/)).toBeNull();
  });

  it("shows the field's error before the hint", () => {
    renderWith("*Myer", "must be at most 256 characters");
    expect(screen.getByText("must be at most 256 characters")).toBeTruthy();
    expect(screen.queryByText(/works only at the end/)).toBeNull();
  });
});

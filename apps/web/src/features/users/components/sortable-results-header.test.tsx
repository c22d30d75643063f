import { FluentProvider, Table, webLightTheme } from "@fluentui/react-components";
import type { SearchSort } from "@pindesk/domain/users/search-sort";
import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { RESULT_COLUMNS } from "./result-columns.tsx";
import { SortableResultsHeader } from "./sortable-results-header.tsx";

function renderHeader(sort: SearchSort, onSort = vi.fn()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <Table aria-label="Search results">
        <SortableResultsHeader columns={RESULT_COLUMNS} sort={sort} onSort={onSort} />
      </Table>
    </FluentProvider>,
  );
  return onSort;
}

const header = (name: string) => screen.getByRole("columnheader", { name });

describe("the Search results' sortable column titles", () => {
  it("make every column a sort button, and say which one sorts and which way", () => {
    renderHeader({ by: "pool", direction: "desc" });
    expect(screen.getAllByRole("columnheader")).toHaveLength(7);
    expect(header("Registrar pool").getAttribute("aria-sort")).toBe("descending");
    for (const other of ["Display name", "SIP address", "PIN locked"]) {
      expect(header(other).getAttribute("aria-sort")).toBe("none");
    }
    expect(screen.getAllByRole("button")).toHaveLength(7);
  });

  it("sort by a new column ascending, and turn the sorted one around", () => {
    const onSort = renderHeader({ by: "sip", direction: "asc" });
    fireEvent.click(screen.getByRole("button", { name: "PIN set" }));
    expect(onSort).toHaveBeenLastCalledWith({ by: "pinSet", direction: "asc" });
    fireEvent.click(screen.getByRole("button", { name: "SIP address" }));
    expect(onSort).toHaveBeenLastCalledWith({ by: "sip", direction: "desc" });
  });
});

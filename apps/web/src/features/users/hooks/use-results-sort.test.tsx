import { FluentProvider, Table, webLightTheme } from "@fluentui/react-components";
import type { SearchSort } from "@pindesk/domain/users/search-sort";
import { fireEvent, render, screen } from "@testing-library/react";
import { useRef } from "react";
import { describe, expect, it, vi } from "vitest";
import { DataTableHeader } from "../../../components/data-table.tsx";
import { RESULT_COLUMNS } from "../components/result-columns.tsx";
import { useResultsSort, withSortKeys } from "./use-results-sort.ts";

function Header({ sort, onSort }: { sort: SearchSort; onSort: (sort: SearchSort) => void }) {
  const table = useRef<HTMLTableElement>(null);
  const tableSort = useResultsSort(sort, onSort, table);
  return (
    <Table ref={table} aria-label="Search results">
      <DataTableHeader columns={withSortKeys(RESULT_COLUMNS)} sort={tableSort} />
    </Table>
  );
}

function renderHeader(sort: SearchSort, onSort = vi.fn()) {
  render(
    <FluentProvider theme={webLightTheme}>
      <Header sort={sort} onSort={onSort} />
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

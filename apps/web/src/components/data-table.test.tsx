import { TableHeaderCell, TableSelectionCell } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { type Column, DataTable } from "./data-table.tsx";

interface Pool {
  id: number;
  fqdn: string;
  users: number;
}

const POOLS: Pool[] = [
  { id: 1, fqdn: "red-cs-001.litwareinc.com", users: 31 },
  { id: 2, fqdn: "dub-cs-001.litwareinc.com", users: 1200 },
];

const COLUMNS: Column<Pool>[] = [
  { title: "Registrar pool", look: "ellipsis", cell: (pool) => pool.fqdn },
  { title: "Users", look: "figures", cell: (pool) => pool.users.toLocaleString("en-US") },
  { title: "Actions", titleHidden: true, cell: (pool) => <button type="button">Open {pool.fqdn}</button> },
];

const cellTexts = (row: HTMLElement) =>
  within(row)
    .getAllByRole("cell")
    .map((cell) => cell.textContent);

describe("DataTable", () => {
  it("is a table named for screen readers, a header row of the titles and a row an item", () => {
    render(<DataTable label="Registrar pools" columns={COLUMNS} rows={POOLS} rowKey={(pool) => pool.id} />);
    const table = screen.getByRole("table", { name: "Registrar pools" });
    const [header, ...rows] = within(table).getAllByRole("row");
    expect(
      within(header as HTMLElement)
        .getAllByRole("columnheader")
        .map((cell) => cell.textContent),
    ).toEqual(["Registrar pool", "Users", "Actions"]);
    expect(rows.map(cellTexts)).toEqual([
      ["red-cs-001.litwareinc.com", "31", "Open red-cs-001.litwareinc.com"],
      ["dub-cs-001.litwareinc.com", "1,200", "Open dub-cs-001.litwareinc.com"],
    ]);
  });

  it("hides a title from sight only, and gives a cut-short cell its whole text as a tooltip", () => {
    render(<DataTable label="Registrar pools" columns={COLUMNS} rows={POOLS} rowKey={(pool) => pool.id} />);
    const actions = screen.getByRole("columnheader", { name: "Actions" });
    expect(actions.querySelector(".visually-hidden")?.textContent).toBe("Actions");
    const cell = screen.getByRole("cell", { name: "red-cs-001.litwareinc.com" });
    expect(cell.getAttribute("title")).toBe("red-cs-001.litwareinc.com");
    expect(screen.getByRole("cell", { name: "31" }).hasAttribute("title")).toBe(false);
  });

  it("shows what it is given instead of a table with no rows, or the header alone without it", () => {
    const { rerender } = render(
      <DataTable
        label="Registrar pools"
        columns={COLUMNS}
        rows={[]}
        rowKey={(pool) => pool.id}
        empty={<p>No pools.</p>}
      />,
    );
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.getByText("No pools.")).toBeTruthy();
    rerender(<DataTable label="Registrar pools" columns={COLUMNS} rows={[]} rowKey={(pool) => pool.id} />);
    expect(within(screen.getByRole("table")).getAllByRole("row")).toHaveLength(1);
  });

  it("puts a selection column first, and hands each row its own props", async () => {
    const onSelect = vi.fn();
    render(
      <DataTable
        label="Registrar pools"
        columns={COLUMNS}
        rows={POOLS}
        rowKey={(pool) => pool.id}
        leading={{
          header: <TableHeaderCell>Selected</TableHeaderCell>,
          cell: (pool) => (
            <TableSelectionCell
              type="radio"
              checked={pool.id === 2}
              radioIndicator={{ "aria-label": `Select ${pool.fqdn}` }}
            />
          ),
        }}
        rowProps={(pool) => ({ "aria-selected": pool.id === 2, onClick: () => onSelect(pool.id) })}
      />,
    );
    expect(screen.getAllByRole("columnheader")[0]?.textContent).toBe("Selected");
    const selected = screen.getByRole("radio", {
      name: "Select dub-cs-001.litwareinc.com",
    }) as HTMLInputElement;
    expect(selected.checked).toBe(true);
    const rows = screen.getAllByRole("row").slice(1);
    expect(rows.map((row) => row.getAttribute("aria-selected"))).toEqual(["false", "true"]);
    await userEvent.click(screen.getByRole("cell", { name: "red-cs-001.litwareinc.com" }));
    expect(onSelect).toHaveBeenCalledWith(1);
  });

  it("makes the headers with a sort key sort buttons, the sorted one saying which way", async () => {
    const onSort = vi.fn();
    const sortable = COLUMNS.map((column) =>
      column.title === "Actions" ? column : { ...column, sortKey: column.title.toLowerCase() },
    );
    render(
      <DataTable
        label="Registrar pools"
        columns={sortable}
        rows={POOLS}
        rowKey={(pool) => pool.id}
        sort={{ by: "users", direction: "desc", onSort }}
      />,
    );
    const header = (name: string) => screen.getByRole("columnheader", { name });
    expect(header("Users").getAttribute("aria-sort")).toBe("descending");
    expect(header("Registrar pool").getAttribute("aria-sort")).not.toMatch(/ascending|descending/);
    expect(within(header("Actions")).queryByRole("button")).toBeNull();
    await userEvent.click(within(header("Registrar pool")).getByRole("button"));
    expect(onSort).toHaveBeenCalledWith("registrar pool");
  });
});

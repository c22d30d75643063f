import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { UserSummary } from "@pindesk/domain/users/user";
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { DataTable } from "../../../components/data-table.tsx";
import { RESULT_COLUMNS } from "./result-columns.tsx";

const user = (displayName: string, extra: Partial<UserSummary> = {}): UserSummary => ({
  id: displayName.length,
  displayName,
  sipAddress: null,
  lineUri: null,
  registrarPool: null,
  enabled: true,
  enterpriseVoiceEnabled: false,
  isPinSet: true,
  isPinExpired: false,
  isLockedOut: false,
  protected: false,
  ...extra,
});

function rowOf(users: UserSummary[], name: string) {
  render(
    <FluentProvider theme={webLightTheme}>
      <DataTable label="Search results" columns={RESULT_COLUMNS} rows={users} rowKey={(u) => u.id} />
    </FluentProvider>,
  );
  const row = screen.getAllByRole("row").find((r) => r.textContent?.includes(name));
  if (!row) throw new Error(`no row for ${name}`);
  return within(row)
    .getAllByRole("cell")
    .map((cell) => cell.textContent);
}

describe("the Search results columns", () => {
  it("say Expired for a PIN past its expiration time, Yes for a live one", () => {
    const users = [user("Carol Philips", { isPinExpired: true }), user("Ken Myer")];
    expect(rowOf(users, "Carol Philips")[5]).toBe("Expired");
    expect(rowOf(users, "Ken Myer")[5]).toBe("Yes");
  });

  it("mark a protected user before anyone acts on them", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <DataTable
          label="Search results"
          columns={RESULT_COLUMNS}
          rows={[user("Adam Barr", { protected: true }), user("Ken Myer")]}
          rowKey={(u) => u.id}
        />
      </FluentProvider>,
    );
    const marks = screen.getAllByRole("img", { name: /Protected \(Domain Admins\)/ });
    expect(marks).toHaveLength(1);
    expect(marks[0]?.closest("tr")?.textContent).toContain("Adam Barr");
  });
});

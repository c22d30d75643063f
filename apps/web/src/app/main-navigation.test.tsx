import { permissionsOf } from "@pindesk/domain/auth/permissions";
import type { CsRole } from "@pindesk/domain/auth/roles";
import type { SessionInfo } from "@pindesk/domain/auth/sign-in";
import { render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { SessionContext } from "../lib/session.tsx";
import { MainNavigation } from "./main-navigation.tsx";

function renderFor(roles: CsRole[], at = "/users") {
  const session = { roles, permissions: permissionsOf(roles) } as SessionInfo;
  render(
    <SessionContext value={session}>
      <MemoryRouter initialEntries={[at]}>
        <MainNavigation />
      </MemoryRouter>
    </SessionContext>,
  );
  return within(screen.getByRole("navigation", { name: "Main" }));
}

const links = (nav: ReturnType<typeof renderFor>) =>
  nav.queryAllByRole("link").map((link) => [link.textContent, link.getAttribute("href")]);

describe("MainNavigation", () => {
  it("lists every page, in order, for a CsAdministrator", () => {
    expect(links(renderFor(["CsAdministrator"]))).toEqual([
      ["Users", "/users"],
      ["PIN Policy", "/pin-policies"],
      ["Dial-in access numbers", "/dial-in-numbers"],
      ["Audit log", "/audit"],
      ["Directory", "/directory"],
      ["Console accounts", "/accounts"],
      ["Email", "/mail"],
      ["My API tokens", "/api-tokens"],
    ]);
  });

  it.each([
    [["CsHelpDesk"], ["Users", "PIN Policy", "Dial-in access numbers", "My API tokens"]],
    [
      ["CsServerAdministrator"],
      ["Users", "PIN Policy", "Dial-in access numbers", "Audit log", "Directory", "My API tokens"],
    ],
    [
      ["CsHelpDesk", "CsViewOnlyAdministrator"],
      ["Users", "PIN Policy", "Dial-in access numbers", "Audit log", "Directory", "My API tokens"],
    ],
  ] as [CsRole[], string[]][])("lists for %j only the pages its roles may open", (roles, labels) => {
    expect(links(renderFor(roles)).map(([label]) => label)).toEqual(labels);
  });

  it("marks the page being shown", () => {
    const nav = renderFor(["CsAdministrator"], "/audit?outcome=Failure");
    expect(nav.getByRole("link", { current: "page" }).textContent).toBe("Audit log");
  });

  it("says so when the roles give no page at all", () => {
    const nav = renderFor(["CsLocationAdministrator"]);
    expect(links(nav)).toEqual([]);
    expect(nav.getByText(/Your roles give you no area of PinDesk/)).toBeTruthy();
  });
});

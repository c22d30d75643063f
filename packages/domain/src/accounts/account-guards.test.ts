import { describe, expect, it } from "vitest";
import { disableProblem, roleChangeProblem } from "./account-guards.ts";

const admin = { actorId: 1, targetId: 2, targetIsActiveAdministrator: true, otherActiveAdministrators: 1 };

describe("changes that would leave no administrator", () => {
  it("lets an administrator remove CsAdministrator from another administrator", () => {
    expect(roleChangeProblem(admin, ["CsHelpDesk"])).toBeUndefined();
  });

  it("refuses to let administrators remove CsAdministrator from themselves", () => {
    expect(roleChangeProblem({ ...admin, targetId: 1 }, ["CsUserAdministrator"])).toMatch(/your own account/);
  });

  it("lets administrators change their other roles", () => {
    expect(roleChangeProblem({ ...admin, targetId: 1 }, ["CsAdministrator", "CsHelpDesk"])).toBeUndefined();
  });

  it("refuses to remove the role from the last enabled administrator", () => {
    expect(roleChangeProblem({ ...admin, otherActiveAdministrators: 0 }, [])).toMatch(/last enabled/);
  });

  it("does not mind role changes of accounts that are not administrators", () => {
    const helpDesk = { ...admin, targetIsActiveAdministrator: false, otherActiveAdministrators: 0 };
    expect(roleChangeProblem(helpDesk, [])).toBeUndefined();
    expect(disableProblem(helpDesk)).toBeUndefined();
  });

  it("refuses to disable yourself or the last enabled administrator", () => {
    expect(disableProblem({ ...admin, targetId: 1 })).toMatch(/your own account/);
    expect(disableProblem({ ...admin, otherActiveAdministrators: 0 })).toMatch(/last enabled/);
    expect(disableProblem(admin)).toBeUndefined();
  });
});

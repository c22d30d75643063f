import { describe, expect, it } from "vitest";
import { auditFiltersFromParams, auditFiltersToParams, auditSortOf, sortAuditBy } from "./audit-url.ts";

describe("auditFiltersToParams", () => {
  it("writes the filters given, and nothing for one left empty", () => {
    const params = auditFiltersToParams({
      actor: "admin",
      target: "",
      action: "auth.signIn",
      outcome: undefined,
      before: 120,
    });
    expect(params.toString()).toBe("actor=admin&action=auth.signIn&before=120");
    expect(auditFiltersToParams({}).toString()).toBe("");
  });
});

describe("auditFiltersFromParams", () => {
  it("reads the filters back, numbers as numbers, without the page size", () => {
    const params = new URLSearchParams("actor=admin&outcome=Failure&before=120&limit=20");
    expect(auditFiltersFromParams(params)).toEqual({ actor: "admin", outcome: "Failure", before: 120 });
  });

  it("round-trips what the page writes", () => {
    const filters = { actor: "helpdesk", from: "2026-01-01T00:00:00.000Z", to: "2026-02-01T00:00:00.000Z" };
    expect(auditFiltersFromParams(auditFiltersToParams(filters))).toEqual(filters);
  });

  it("says what is wrong with filters edited by hand, field by field", () => {
    expect(auditFiltersFromParams(new URLSearchParams("outcome=Maybe&before=x"))).toMatch(
      /^outcome: must be Success, Failure or Denied; before: .+$/,
    );
    expect(
      auditFiltersFromParams(new URLSearchParams("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z")),
    ).toBe("to: must not be before from");
  });
});

describe("sortAuditBy", () => {
  it("starts a column from its usual end, turns the current one around, from the first page", () => {
    expect(auditSortOf({})).toEqual({ by: "time", direction: "desc" });
    const byActor = sortAuditBy({ outcome: "Failure", before: 120 }, "actor");
    expect(byActor).toEqual({ outcome: "Failure", sort: "actor", dir: "asc", before: undefined });
    expect(sortAuditBy(byActor, "actor")).toMatchObject({ sort: "actor", dir: "desc" });
    expect(sortAuditBy(byActor, "time")).toMatchObject({ sort: "time", dir: "desc" });
    expect(sortAuditBy({}, "time")).toMatchObject({ sort: "time", dir: "asc" });
  });

  it("keeps the order in the page address and reads it back", () => {
    const params = auditFiltersToParams(sortAuditBy({ actor: "admin" }, "outcome"));
    expect(params.toString()).toBe("actor=admin&sort=outcome&dir=asc");
    expect(auditSortOf(auditFiltersFromParams(params) as object)).toEqual({
      by: "outcome",
      direction: "asc",
    });
    expect(auditFiltersFromParams(new URLSearchParams("sort=colour"))).toMatch(/^sort: must be one of/);
  });
});

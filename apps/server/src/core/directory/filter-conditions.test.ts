/** The Add Filter catalogue and its SQL agree: each property's SQL reads the kind of value the catalogue offers. */
import { FILTER_CATALOGUE, type FilterProperty } from "@pindesk/domain/users/filter-catalogue";
import { describe, expect, it } from "vitest";
import { PROPERTY_SQL, type PropertySql, textColumnOf } from "./filter-conditions.ts";

describe("PROPERTY_SQL", () => {
  it.each(FILTER_CATALOGUE.map((definition) => [definition.property, definition.kind] as const))(
    "reads %s as the catalogue's %s",
    (property, kind) => {
      expect(PROPERTY_SQL[property].kind).toBe(kind);
    },
  );

  it("has SQL for exactly the catalogue's properties", () => {
    expect(Object.keys(PROPERTY_SQL).sort()).toEqual(FILTER_CATALOGUE.map((d) => d.property).sort());
  });

  it("gives LDAP Search a text property's key column, and nothing for other kinds", () => {
    expect(textColumnOf("SipAddress")).toEqual({
      kind: "text",
      column: "sip_address",
      key: "sip_key",
      scheme: "sip:",
    });
    expect(textColumnOf("RegistrarPool")).toBeUndefined();
  });

  it("is a complete map: a catalogue property without SQL does not compile", () => {
    // @ts-expect-error DisplayName alone leaves the other properties without SQL.
    const incomplete: Record<FilterProperty, PropertySql> = { DisplayName: PROPERTY_SQL.DisplayName };
    expect(Object.keys(incomplete)).toEqual(["DisplayName"]);
  });
});

import { describe, expect, it } from "vitest";
import { UsageError } from "../errors.ts";
import { parseFilterOption } from "./filter-clause.ts";

describe("--filter as Get-CsUser's -Filter", () => {
  it("reads PROPERTY -eq VALUE and -ne as Equal to and Not equal to", () => {
    expect(parseFilterOption("Department -eq Finance")).toEqual([
      { property: "Department", operator: "EqualTo", value: "Finance" },
    ]);
    expect(parseFilterOption("Title -ne Manager")).toEqual([
      { property: "Title", operator: "NotEqualTo", value: "Manager" },
    ]);
  });

  it("takes properties and operators in any case, -like as Equal to with wildcards", () => {
    expect(parseFilterOption("department -EQ Finance")[0]?.property).toBe("Department");
    expect(parseFilterOption("DisplayName -like '*Smith'")).toEqual([
      { property: "DisplayName", operator: "EqualTo", value: "*Smith" },
    ]);
    expect(parseFilterOption("Title -notlike *Engineer")[0]?.operator).toBe("NotEqualTo");
  });

  it("reads quoted values with spaces, doubled quotes, and unquoted words as one value", () => {
    expect(parseFilterOption('Department -eq "Human Resources"')[0]?.value).toBe("Human Resources");
    expect(parseFilterOption("Department -eq Human Resources")[0]?.value).toBe("Human Resources");
    expect(parseFilterOption("Company -eq 'O''Brien Ltd'")[0]?.value).toBe("O'Brien Ltd");
    expect(parseFilterOption('{Title -eq "Manager"}')[0]?.value).toBe("Manager");
  });

  it("reads $true, $false and $null, and '' as has no value", () => {
    expect(parseFilterOption("IsLockedOut -eq $true")[0]?.value).toBe("True");
    expect(parseFilterOption("Enabled -eq $False")[0]?.value).toBe("False");
    expect(parseFilterOption("Department -eq $null")[0]?.value).toBe("");
    expect(parseFilterOption("Department -eq ''")[0]?.value).toBe("");
    expect(parseFilterOption("Department -eq '$null'")[0]?.value).toBe("$null");
  });

  it("joins clauses with -and", () => {
    expect(parseFilterOption("Department -eq Finance -and Title -ne 'Vice President'")).toEqual([
      { property: "Department", operator: "EqualTo", value: "Finance" },
      { property: "Title", operator: "NotEqualTo", value: "Vice President" },
    ]);
  });

  it("reads an OU clause as a DN", () => {
    expect(parseFilterOption("OU -eq 'OU=Finance,DC=litwareinc,DC=com'")[0]?.value).toBe(
      "OU=Finance,DC=litwareinc,DC=com",
    );
  });

  const refusals: [string, string][] = [
    ["Department = Finance", 'expected -eq, -ne, -like or -notlike after Department, not "="'],
    ["Departement -eq Finance", '"Departement" is not a property to filter on; use one of DisplayName'],
    ["Department -eq", "Department -eq needs a value"],
    ["", "is empty"],
    ["Department -eq Finance -or Title -eq Manager", "clauses join with -and only"],
    ["Department -eq Finance -and", "ends with -and"],
    ["Department -eq 'Finance", "a quote opened at character 16 is not closed"],
    ["IsLockedOut -eq maybe", 'PIN is locked takes True or False, not "maybe"'],
    ["OU -eq Finance", "Organizational unit takes a distinguished name"],
  ];
  it.each(refusals)("refuses %j, naming the filter and why", (filter, why) => {
    let error: unknown;
    try {
      parseFilterOption(filter);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(`--filter ${JSON.stringify(filter)}: `);
    expect((error as Error).message).toContain(why);
  });
});

/**
 * The development domain controller (scripts/dc) for the domain project's specs: an OU of the test's own
 * under DC=litwareinc,DC=com in which it adds, renames, moves, disables and deletes users as an AD
 * administrator would, over LDAPS (apps/server/src/test/test-directory.ts, the API tests' own editor).
 */
import { testOrganizationalUnit } from "../../apps/server/src/test/test-directory.ts";
import { domainFacts } from "../../scripts/dc/domain.ts";

/**
 * The DC is shared by the machine: everything the test makes goes in this OU, removed by cleanUp(). The
 * domain server's start ran `npm run dc`, so the DC is up: its facts are read without taking the DC's lock,
 * which `add-users` elsewhere on the machine may hold for minutes.
 */
export function testOu(label: string) {
  return testOrganizationalUnit(domainFacts(), label);
}

/**
 * Users who share one display name, so only their ids order them: a page or batch boundary that falls
 * between two of them shows whether keyset paging goes on after the right one.
 */
import type { NewDirectoryUser } from "../../../core/directory/directory-writer.ts";
import { directoryUser, namesOf } from "../../../test/directory-users.ts";

export function namesake(i: number, displayName = "Chris Doe"): NewDirectoryUser {
  return directoryUser(`${displayName.replaceAll(" ", "").toLowerCase()}${i}`, {
    displayName,
    ...namesOf(displayName),
    distinguishedName: `CN=${displayName} ${i},OU=Sales,DC=litwareinc,DC=com`,
    department: "Sales",
    title: "Sales Representative",
    company: "Litware Inc.",
    city: "Cork",
  });
}

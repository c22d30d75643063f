/**
 * Users who share one display name, so only their ids order them: a page or batch boundary that falls
 * between two of them shows whether keyset paging goes on after the right one.
 */
import type { NewDirectoryUser } from "../../../core/directory/directory-writer.ts";

export function namesake(i: number, displayName = "Chris Doe"): NewDirectoryUser {
  const sam = `${displayName.replaceAll(" ", "").toLowerCase()}${i}`;
  const [firstName = null, lastName = null] = displayName.split(" ");
  return {
    displayName,
    firstName,
    lastName,
    samAccountName: sam,
    netbiosDomain: "LITWAREINC",
    userPrincipalName: `${sam}@litwareinc.com`,
    sipAddress: `sip:${sam}@litwareinc.com`,
    lineUri: null,
    distinguishedName: `CN=${displayName} ${i},OU=Sales,DC=litwareinc,DC=com`,
    department: "Sales",
    title: "Sales Representative",
    office: null,
    company: "Litware Inc.",
    city: "Cork",
    registrarPoolId: null,
    enabled: true,
    enterpriseVoiceEnabled: false,
    pinPolicyId: null,
    protected: false,
  };
}

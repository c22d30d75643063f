/**
 * Users for tests that need more than the demo directory: one builder with plain defaults (an enabled
 * user of OU=Sales, named by logon), each test overriding what it is about.
 */
import { type NewDirectoryUser, NOT_FROM_AD } from "../core/directory/directory-writer.ts";

export function directoryUser(logon: string, overrides: Partial<NewDirectoryUser> = {}): NewDirectoryUser {
  return {
    displayName: logon,
    firstName: null,
    lastName: null,
    samAccountName: logon,
    netbiosDomain: "LITWAREINC",
    userPrincipalName: `${logon}@litwareinc.com`,
    sipAddress: `sip:${logon}@litwareinc.com`,
    lineUri: null,
    distinguishedName: `CN=${logon},OU=Sales,DC=litwareinc,DC=com`,
    department: null,
    title: null,
    office: null,
    company: null,
    city: null,
    registrarPoolId: null,
    enabled: true,
    enterpriseVoiceEnabled: false,
    pinPolicyId: null,
    protected: false,
    mail: null,
    telephoneNumber: null,
    ...NOT_FROM_AD,
    ...overrides,
  };
}

/** A display name's first and last names, as a directory would hold them. */
export function namesOf(displayName: string): Pick<NewDirectoryUser, "firstName" | "lastName"> {
  const [firstName = null, lastName = null] = displayName.split(" ");
  return { firstName, lastName };
}

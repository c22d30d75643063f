/**
 * One user as AD holds a Lync user: the ordinary attributes PinDesk shows, and the msRTCSIP-* attributes
 * Enable-CsUser and Set-CsUser write. The Litware directory and the synthetic users both go through here,
 * so a sync reads both the same way.
 */
import { addRecord, type LdifAttributes, unicodePwd } from "./ldif.ts";
import { homeServerDn } from "./pools.ts";

export interface DirectoryPerson {
  dn: string;
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  samAccountName: string;
  userPrincipalName: string;
  /** sip:… for users ever enabled for Lync Server; null for users never enabled (no msRTCSIP-* at all). */
  sipAddress: string | null;
  lineUri: string | null;
  department: string | null;
  title: string | null;
  office: string | null;
  company: string | null;
  city: string | null;
  poolFqdn: string | null;
  /** Enabled for Lync Server (msRTCSIP-UserEnabled); false with a SIP address is Set-CsUser -Enabled $false. */
  enabled: boolean;
  enterpriseVoice: boolean;
  /** The AD account is disabled (userAccountControl bit 2): the user cannot sign in at all. */
  accountDisabled: boolean;
  /** A Domain Admins member; Samba does not run AD's SDProp, so adminCount=1 is written here. */
  protected: boolean;
  /** Null leaves the account without a password (userAccountControl PASSWD_NOTREQD). */
  password: string | null;
}

// userAccountControl bits: https://learn.microsoft.com/troubleshoot/windows-server/active-directory/useraccountcontrol-manipulate-account-properties
const ACCOUNTDISABLE = 0x2;
const PASSWD_NOTREQD = 0x20;
const NORMAL_ACCOUNT = 0x200;

// msRTCSIP-OptionFlags bits (Lync Server 2013 schema reference): 256 EnabledForEnhancedPresence, which every
// user Lync 2010 or later enables carries; 128 UCEnabled, i.e. Enterprise Voice.
const ENHANCED_PRESENCE = 256;
const ENTERPRISE_VOICE = 128;

/** The E.164 number of a line URI for telephoneNumber: tel:+14255551102;ext=1102 → +14255551102. */
export function telephoneNumber(lineUri: string | null): string | null {
  if (!lineUri) return null;
  return lineUri.replace(/^tel:/i, "").split(";")[0] ?? null;
}

export function userAccountControl(person: Pick<DirectoryPerson, "accountDisabled" | "password">): number {
  return (
    NORMAL_ACCOUNT |
    (person.password === null ? PASSWD_NOTREQD : 0) |
    (person.accountDisabled ? ACCOUNTDISABLE : 0)
  );
}

function lyncAttributes(person: DirectoryPerson): LdifAttributes {
  if (!person.sipAddress) return { "msRTCSIP-Line": person.lineUri };
  return {
    "msRTCSIP-PrimaryUserAddress": person.sipAddress,
    "msRTCSIP-UserEnabled": person.enabled,
    "msRTCSIP-PrimaryHomeServer": person.poolFqdn ? homeServerDn(person.poolFqdn) : null,
    "msRTCSIP-OptionFlags": ENHANCED_PRESENCE | (person.enterpriseVoice ? ENTERPRISE_VOICE : 0),
    "msRTCSIP-Line": person.lineUri,
  };
}

export function userRecord(person: DirectoryPerson): string {
  return addRecord(person.dn, {
    objectClass: "user",
    sAMAccountName: person.samAccountName,
    userPrincipalName: person.userPrincipalName,
    givenName: person.firstName,
    sn: person.lastName,
    displayName: person.displayName,
    mail: person.userPrincipalName,
    department: person.department,
    title: person.title,
    physicalDeliveryOfficeName: person.office,
    company: person.company,
    l: person.city,
    telephoneNumber: telephoneNumber(person.lineUri),
    unicodePwd: person.password === null ? null : unicodePwd(person.password),
    userAccountControl: userAccountControl(person),
    adminCount: person.protected ? 1 : null,
    ...lyncAttributes(person),
  });
}

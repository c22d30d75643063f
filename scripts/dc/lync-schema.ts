/**
 * The slice of Lync Server's schema extension that PinDesk reads, added to a fresh Samba schema: the user
 * attributes, with the attributeIDs Lync's schema preparation gives them (Microsoft's RTC arc
 * 1.2.840.113556.1.6.24.1, as a Lync-extended forest's schema reports them), and a stand-in for the
 * msRTCSIP-Pool class that registrar pools are in AD. Syntaxes as in Lync: msRTCSIP-PrimaryHomeServer is
 * DN-valued, so the DC checks that the pool object it names exists, as AD does.
 */
import { SCHEMA_DN } from "./dc-config.ts";
import { addRecord, type LdifAttributes, modifyRecord, SCHEMA_UPDATE_NOW } from "./ldif.ts";

interface LyncAttribute {
  name: string;
  attributeID: string;
  /** attributeSyntax and oMSyntax: 2.5.5.12/64 Unicode string, 2.5.5.8/1 Boolean, 2.5.5.9/2 integer, 2.5.5.1/127 DN. */
  syntax: "unicode" | "boolean" | "integer" | "dn";
  /** searchFlags bit 0: indexed, for the look-up by SIP address every Lync component makes. */
  indexed?: boolean;
}

export const LYNC_USER_ATTRIBUTES: readonly LyncAttribute[] = [
  {
    name: "msRTCSIP-PrimaryUserAddress",
    attributeID: "1.2.840.113556.1.6.24.1.1",
    syntax: "unicode",
    indexed: true,
  },
  { name: "msRTCSIP-UserEnabled", attributeID: "1.2.840.113556.1.6.24.1.6", syntax: "boolean" },
  { name: "msRTCSIP-PrimaryHomeServer", attributeID: "1.2.840.113556.1.6.24.1.57", syntax: "dn" },
  { name: "msRTCSIP-OptionFlags", attributeID: "1.2.840.113556.1.6.24.1.87", syntax: "integer" },
  { name: "msRTCSIP-Line", attributeID: "1.2.840.113556.1.6.24.1.88", syntax: "unicode" },
];

const SYNTAX: Record<LyncAttribute["syntax"], LdifAttributes> = {
  unicode: { attributeSyntax: "2.5.5.12", oMSyntax: 64 },
  boolean: { attributeSyntax: "2.5.5.8", oMSyntax: 1 },
  integer: { attributeSyntax: "2.5.5.9", oMSyntax: 2 },
  // oMObjectClass 1.3.12.2.1011.28.0.714 (DS-DN), BER-encoded, as on every DN attribute in AD's own schema.
  dn: { attributeSyntax: "2.5.5.1", oMSyntax: 127, oMObjectClass: Buffer.from("KwwCh3McAIVK", "base64") },
};

/**
 * Lync's msRTCSIP-Pool has its own governsID, which we could not find published; ours comes from Microsoft's
 * documented arc for schema extensions without a registered OID (1.2.840.113556.1.8000.2554 followed by the
 * parts of a GUID generated once for this file), so it cannot collide with anything in Samba's schema.
 */
export const POOL_CLASS = "msRTCSIP-Pool";
const POOL_CLASS_ID = "1.2.840.113556.1.8000.2554.2719.10517.33523.18278.41225.236019.3080443.1";

function attributeRecord(attribute: LyncAttribute): string {
  return addRecord(`CN=${attribute.name},${SCHEMA_DN}`, {
    objectClass: ["top", "attributeSchema"],
    cn: attribute.name,
    attributeID: attribute.attributeID,
    lDAPDisplayName: attribute.name,
    ...SYNTAX[attribute.syntax],
    isSingleValued: true,
    searchFlags: attribute.indexed ? 1 : 0,
    // Lync replicates its user attributes to the global catalog.
    isMemberOfPartialAttributeSet: true,
  });
}

/**
 * The pool class: a container (so the "CN=Microsoft" container below a pool may exist) that may carry
 * dNSHostName, the pool's FQDN. Samba compares mayContain names case-sensitively with the attribute's
 * lDAPDisplayName, so it must be spelled "dNSHostName" exactly. Without a default security descriptor its
 * objects inherit no read access, and an ordinary account such as the sync's sees their names but no
 * attributes; the container class's (Authenticated Users may read) is used.
 */
function poolClassRecord(): string {
  return addRecord(`CN=${POOL_CLASS},${SCHEMA_DN}`, {
    objectClass: ["top", "classSchema"],
    cn: POOL_CLASS,
    governsID: POOL_CLASS_ID,
    lDAPDisplayName: POOL_CLASS,
    subClassOf: "container",
    objectClassCategory: 1, // structural
    possSuperiors: "container",
    mayContain: "dNSHostName",
    defaultObjectCategory: `CN=${POOL_CLASS},${SCHEMA_DN}`,
    defaultSecurityDescriptor:
      "D:(A;;RPWPCRCCDCLCLORCWOWDSDDTSW;;;DA)(A;;RPWPCRCCDCLCLORCWOWDSDDTSW;;;SY)(A;;RPLCLORC;;;AU)",
  });
}

/**
 * The order AD requires: the attributes, a schema reload so they exist, the class and the user class's
 * mayContain that name them, another reload so objects can use them.
 */
export function lyncSchemaLdif(): string {
  return [
    ...LYNC_USER_ATTRIBUTES.map(attributeRecord),
    SCHEMA_UPDATE_NOW,
    poolClassRecord(),
    modifyRecord(`CN=User,${SCHEMA_DN}`, [
      { op: "add", name: "mayContain", values: LYNC_USER_ATTRIBUTES.map((attribute) => attribute.name) },
    ]),
    SCHEMA_UPDATE_NOW,
  ].join("");
}

/** The identity a New site / New user PIN policy will have, or why it cannot be made yet. */
import { formatPinPolicyIdentity, parsePinPolicyIdentity } from "@pindesk/domain/pins/pin-policy";

export type NewPolicyKind = "newSite" | "newUser";

export type NewIdentity = { identity: string } | { problem: string };

/** A site policy is named by its site; a user policy by the name typed, checked as the server checks it. */
export function newPolicyIdentity(kind: NewPolicyKind, site: string, name: string): NewIdentity {
  if (kind === "newSite") return site ? { identity: `site:${site}` } : { problem: "Select a site." };
  if (name.trim() === "") return { problem: "Enter a name for the user policy." };
  const parsed = parsePinPolicyIdentity(`tag:${name}`);
  // The parser's message is a clause ("the policy name must …"); under the field it is a sentence.
  if (!parsed.ok) return { problem: `${parsed.message.charAt(0).toUpperCase()}${parsed.message.slice(1)}.` };
  return { identity: formatPinPolicyIdentity(parsed.identity) };
}

/** The user shapes the API answers with (docs/design.md, "HTTP API"), shared by server and web. */
import type { PinPolicySettings } from "../pins/pin-policy.ts";
import type { PinStatus } from "../pins/pin-status.ts";

/** One row of Search results. */
export interface UserSummary {
  id: number;
  displayName: string;
  sipAddress: string | null;
  lineUri: string | null;
  registrarPool: string | null;
  enabled: boolean;
  enterpriseVoiceEnabled: boolean;
  isPinSet: boolean;
  /** Set and past its expiration time (PIN status's isPinExpired). */
  isPinExpired: boolean;
  isLockedOut: boolean;
  protected: boolean;
}

export interface SearchResponse {
  users: UserSummary[];
  /** More users match than maxUsers; the server does not count how many. */
  more: boolean;
}

/** Show details: every directory property plus the PIN status. */
export interface UserDetails extends UserSummary {
  firstName: string | null;
  lastName: string | null;
  samAccountName: string;
  netbiosDomain: string;
  userPrincipalName: string | null;
  distinguishedName: string;
  department: string | null;
  title: string | null;
  office: string | null;
  company: string | null;
  city: string | null;
  site: string | null;
  /** The per-user (tag) PIN policy assigned, or null for automatic. */
  pinPolicy: string | null;
  /** The policy that applies (tag, else the site's, else Global): Set PIN checks a typed PIN against it. */
  effectivePinPolicy: { identity: string; settings: PinPolicySettings };
  pinStatus: PinStatus;
}

export interface DirectoryChoices {
  registrarPools: string[];
  sites: string[];
  pinPolicies: string[];
  organizationalUnits: string[];
}

/**
 * The root query key of each feature that another feature's changes make stale: a PIN policy edit changes
 * what Users shows (details, the PIN policy filter's choices), an assignment changes how many users a policy
 * affects, and a directory sync adds, changes and removes users. Features invalidate each other's roots
 * through here, never by importing each other.
 */
export const QUERY_ROOTS = {
  users: ["users"] as const,
  pinPolicies: ["pinPolicies"] as const,
};

/** An audit event's details are plain facts (a reason, roles from → to, counts); one line of `name: value`. */
export function describeDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(", ") || "none" : String(value)}`)
    .join("; ");
}

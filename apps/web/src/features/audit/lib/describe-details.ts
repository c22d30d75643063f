/**
 * An audit event's details as one line a person reads: `name: value` pairs, lists joined, a change as
 * `from → to`, and objects inside (a policy's changed settings, the lockout limits) as `name value` pairs —
 * never "[object Object]".
 */
function describeValue(value: unknown, depth: number): string {
  if (value === null || value === undefined) return "none";
  if (Array.isArray(value)) return value.map((item) => describeValue(item, depth + 1)).join(", ") || "none";
  if (typeof value !== "object") return String(value);
  const entries = Object.entries(value);
  const keys = entries.map(([name]) => name).sort();
  if (keys.length === 2 && keys[0] === "from" && keys[1] === "to") {
    const change = value as { from: unknown; to: unknown };
    return `${describeValue(change.from, depth + 1)} → ${describeValue(change.to, depth + 1)}`;
  }
  if (entries.length === 0) return "none";
  const inner = entries.map(([name, item]) => `${name} ${describeValue(item, depth + 1)}`).join(", ");
  // One level of pairs reads plainly after its name; deeper ones are bracketed so the commas stay apart.
  return depth === 0 ? inner : `(${inner})`;
}

export function describeDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([name, value]) => `${name}: ${describeValue(value, 0)}`)
    .join("; ");
}

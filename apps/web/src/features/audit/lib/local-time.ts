/** datetime-local speaks local time without a zone; the API speaks ISO 8601 in UTC. */

export const localToIso = (local: string) => (local ? new Date(local).toISOString() : undefined);

export function isoToLocal(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

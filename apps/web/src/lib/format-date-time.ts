/** Dates from the API are ISO strings in UTC; an administrator reads them in their own locale and time zone. */
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  // Show what the server sent rather than "Invalid Date" if it is ever not a timestamp.
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

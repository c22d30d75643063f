/**
 * The messages PinDesk sends to users (issue 14): a PIN an administrator set, a PIN that locked, a PIN about to
 * expire. Each has a plain-text and an HTML part, names the organisation and links the Dial-in Conferencing
 * page. Every value from the directory or configuration is escaped in the HTML part, and none may break a
 * header: the subject holds only the organisation's name, cleaned of line breaks. The PIN appears in the PIN
 * message only; the sender builds it at send time and keeps nothing of it afterwards.
 */

export interface MailContext {
  /** The organisation's name as users know it (PINDESK_ORGANIZATION_NAME). */
  organization: string;
  /** The Dial-in Conferencing page, `<public URL>/dialin`. */
  dialInUrl: string;
}

export interface Recipient {
  displayName: string;
  sipAddress: string;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** Text for a header or a one-line field: control characters (line breaks above all) become spaces. */
export function oneLine(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  return value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ").trim();
}

/**
 * The HTML part's only style. The console's CSP allows this one style attribute by its hash, so the
 * CsAdministrator's preview (a sandboxed srcdoc frame, which inherits the page's policy) shows the message as
 * sent without allowing inline styles in general (apps/server/src/http/security-headers.ts).
 */
export const MAIL_BODY_STYLE = "font-family: Segoe UI, Arial, sans-serif; font-size: 14px";

/** Paragraphs of plain text, rendered as the text part and as escaped HTML paragraphs. */
function message(subject: string, context: MailContext, paragraphs: readonly string[]): RenderedMessage {
  const link = `Dial-in Conferencing Settings: ${context.dialInUrl}`;
  const text = [...paragraphs, link, `— ${oneLine(context.organization)}`].join("\n\n");
  const html = [
    `<!doctype html><html><body style="${MAIL_BODY_STYLE}">`,
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    `<p><a href="${escapeHtml(context.dialInUrl)}">Dial-in Conferencing Settings</a></p>`,
    `<p>— ${escapeHtml(oneLine(context.organization))}</p>`,
    "</body></html>",
  ].join("\n");
  return { subject: oneLine(subject), text: `${text}\n`, html: `${html}\n` };
}

/** An administrator set the user's PIN (Set PIN with "Send the PIN to the user by email"). */
export function pinMessage(context: MailContext, recipient: Recipient, pin: string): RenderedMessage {
  return message(`Your dial-in conferencing PIN — ${oneLine(context.organization)}`, context, [
    `Hello ${oneLine(recipient.displayName)},`,
    `Your PIN for joining conferences by phone has been set. Your PIN is: ${pin}`,
    `When you dial in, enter your phone number or extension and this PIN. Your sign-in address is ${oneLine(recipient.sipAddress)}.`,
    "You can change it at any time on the Dial-in Conferencing Settings page. Delete this message once you have remembered the PIN.",
  ]);
}

/** The PIN locked after too many wrong PINs: for an hour, or until an administrator unlocks it. */
export function lockoutNotice(
  context: MailContext,
  recipient: Recipient,
  lock: { kind: "temporary"; until: string } | { kind: "permanent" },
): RenderedMessage {
  const what =
    lock.kind === "temporary"
      ? `Too many wrong PINs were entered for your dial-in conferencing account, so your PIN is locked until ${lock.until}.`
      : "Too many wrong PINs were entered for your dial-in conferencing account, so your PIN is locked until an administrator unlocks it.";
  return message(`Your dial-in conferencing PIN is locked — ${oneLine(context.organization)}`, context, [
    `Hello ${oneLine(recipient.displayName)},`,
    what,
    "If this was not you, tell your help desk: someone may be trying to guess your PIN.",
  ]);
}

/** The PIN expires in a few days (PINLifetime): set a new one before then. */
export function expiryReminder(
  context: MailContext,
  recipient: Recipient,
  expiresAt: string,
): RenderedMessage {
  return message(`Your dial-in conferencing PIN expires soon — ${oneLine(context.organization)}`, context, [
    `Hello ${oneLine(recipient.displayName)},`,
    `Your PIN for joining conferences by phone expires on ${expiresAt}. Set a new one on the Dial-in Conferencing Settings page before then.`,
  ]);
}

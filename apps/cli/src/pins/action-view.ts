/**
 * How Lock, Unlock and Set PIN results print: Identity, DisplayName, Outcome, Message (and the new PIN or
 * the message's fate).
 */
import { mailStatusText } from "@pindesk/domain/mail/mail-api";
import type { RowsView } from "../output/render.ts";
import type { ActionRow } from "./action-rows.ts";

/** The extra column of Set PIN: the new PIN shown once, or what became of the message sending it. */
export type SetPinColumn = "pin" | "mail" | undefined;

export function actionView(extra: SetPinColumn): RowsView<ActionRow> {
  return {
    columns: [
      { header: "Identity", value: (row) => row.identity },
      { header: "DisplayName", value: (row) => row.displayName },
      { header: "Outcome", value: (row) => row.outcome },
      ...(extra === "pin" ? [{ header: "PIN", value: (row: ActionRow) => row.pin }] : []),
      ...(extra === "mail" ? [{ header: "Mail", value: (row: ActionRow) => mailStatusText(row.mail) }] : []),
      { header: "Message", value: (row) => row.message },
    ],
    identity: (row) => (row.userId === null ? undefined : row.identity),
  };
}

export const describeAction = (row: ActionRow) =>
  `${row.displayName ? `${row.displayName} (${row.identity})` : row.identity}: ${row.outcome}: ${row.message}`;

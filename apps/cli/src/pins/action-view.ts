/** How Lock, Unlock and Set PIN results print: Identity, DisplayName, Outcome, Message (and the new PIN). */
import type { RowsView } from "../output/render.ts";
import type { ActionRow } from "./action-rows.ts";

export function actionView(withPins: boolean): RowsView<ActionRow> {
  return {
    columns: [
      { header: "Identity", value: (row) => row.identity },
      { header: "DisplayName", value: (row) => row.displayName },
      { header: "Outcome", value: (row) => row.outcome },
      ...(withPins ? [{ header: "PIN", value: (row: ActionRow) => row.pin }] : []),
      { header: "Message", value: (row) => row.message },
    ],
    identity: (row) => (row.userId === null ? undefined : row.identity),
  };
}

export const describeAction = (row: ActionRow) =>
  `${row.displayName ? `${row.displayName} (${row.identity})` : row.identity}: ${row.outcome}: ${row.message}`;

/**
 * The state of a list page whose rows are created, edited and removed in dialogs (PIN Policy, Dial-in access
 * numbers): the selected row, the dialog open, and what the last change did. Opening a dialog clears the last
 * outcome; finishing one closes it, selects the row it made (or none) and says what happened.
 */
import { useState } from "react";

export function useListEditing<Dialog>() {
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  return {
    selectedId,
    setSelectedId,
    dialog,
    outcome,
    open(next: Dialog) {
      setOutcome(null);
      setDialog(next);
    },
    close: () => setDialog(null),
    done(message: string, select: number | null) {
      setDialog(null);
      setSelectedId(select);
      setOutcome(message);
    },
    dismissOutcome: () => setOutcome(null),
  };
}

/**
 * Dial-in access numbers (dialInNumbers:read), after the Lync Control Panel's Dial-In Access Number tab:
 * the numbers people dial to join a meeting's audio, by region and attendant language, and New, Edit and
 * Remove for the roles with dialInNumbers:write. Users see their regions' numbers on the dial-in page.
 */
import { makeStyles, Spinner, Text, Title1, tokens } from "@fluentui/react-components";
import { ApiErrorMessageBar } from "../../../components/api-error-message-bar.tsx";
import { OutcomeMessageBar } from "../../../components/outcome-message-bar.tsx";
import { useListEditing } from "../../../hooks/use-list-editing.ts";
import { usePermission } from "../../../lib/session.tsx";
import { useDialInNumbers } from "../api/dial-in-numbers.ts";
import { AccessNumberDialog } from "./access-number-dialog.tsx";
import { AccessNumberToolbar } from "./access-number-toolbar.tsx";
import { AccessNumbersTable } from "./access-numbers-table.tsx";
import { RemoveAccessNumberDialog } from "./remove-access-number-dialog.tsx";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

type OpenDialog = "new" | "edit" | "remove";

export function DialInNumbersPage() {
  const styles = useStyles();
  const list = useDialInNumbers();
  const canWrite = usePermission("dialInNumbers:write").allowed;
  const { selectedId, setSelectedId, dialog, outcome, open, close, done, dismissOutcome } =
    useListEditing<OpenDialog>();
  const numbers = list.data?.numbers ?? [];
  const selected = numbers.find((number) => number.id === selectedId);

  return (
    <div className={styles.page}>
      <title>Dial-in access numbers — PinDesk</title>
      <Title1 as="h1">Dial-in access numbers</Title1>
      <Text>
        The numbers people dial to join the audio of a meeting. Each serves one or more regions, and its
        conferencing attendant speaks a primary language and up to four more. Numbers are listed by priority,
        then by name.
      </Text>
      <AccessNumberToolbar
        hasSelection={selected !== undefined}
        onNew={() => open("new")}
        onEdit={() => selected && open("edit")}
        onRemove={() => selected && open("remove")}
      />
      <OutcomeMessageBar outcome={outcome} onDismiss={dismissOutcome} />
      {list.isPending && <Spinner label="Loading dial-in access numbers…" />}
      {list.isError && (
        <ApiErrorMessageBar title="The dial-in access numbers could not be loaded" error={list.error} />
      )}
      {list.data && (
        <AccessNumbersTable
          numbers={numbers}
          selectedId={selectedId}
          onSelect={setSelectedId}
          onOpen={
            canWrite
              ? (number) => {
                  setSelectedId(number.id);
                  open("edit");
                }
              : undefined
          }
        />
      )}

      {(dialog === "new" || (dialog === "edit" && selected)) && (
        <AccessNumberDialog
          number={dialog === "edit" ? selected : undefined}
          onCancel={close}
          onDone={(number, message) => done(message, number.id)}
        />
      )}
      {dialog === "remove" && selected && (
        <RemoveAccessNumberDialog
          number={selected}
          onCancel={close}
          onDone={(message) => done(message, null)}
        />
      )}
    </div>
  );
}

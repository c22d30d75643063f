/**
 * PIN Policy (pinPolicy:read), after the Lync Control Panel's page of the same name: the Global, site and
 * user policies that set the rules for dial-in conferencing PINs, and New, Edit and Remove for the roles
 * with pinPolicy:write.
 */
import { makeStyles, Spinner, Text, Title1, tokens } from "@fluentui/react-components";
import { ApiErrorMessageBar } from "../../../components/api-error-message-bar.tsx";
import { OutcomeMessageBar } from "../../../components/outcome-message-bar.tsx";
import { useListEditing } from "../../../hooks/use-list-editing.ts";
import { usePermission } from "../../../lib/session.tsx";
import { usePinPolicies } from "../api/pin-policies.ts";
import { PinPoliciesTable } from "./pin-policies-table.tsx";
import { PolicyDialog, type PolicyDialogMode } from "./policy-dialog.tsx";
import { PolicyToolbar } from "./policy-toolbar.tsx";
import { RemovePolicyDialog } from "./remove-policy-dialog.tsx";

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
});

type OpenDialog = PolicyDialogMode | { kind: "remove" };

export function PinPoliciesPage() {
  const styles = useStyles();
  const list = usePinPolicies();
  const canWrite = usePermission("pinPolicy:write").allowed;
  const { selectedId, setSelectedId, dialog, outcome, open, close, done, dismissOutcome } =
    useListEditing<OpenDialog>();
  const policies = list.data?.policies ?? [];
  const selected = policies.find((policy) => policy.id === selectedId);
  const sites = list.data?.sitesWithoutPolicy ?? [];

  return (
    <div className={styles.page}>
      <title>PIN Policy — PinDesk</title>
      <Title1 as="h1">PIN Policy</Title1>
      <Text>
        PIN policies set the rules for dial-in conferencing PINs. A user follows the user policy assigned to
        them, else the policy of the site of their registrar pool, else the Global policy. Assign user
        policies from the Users page (Action, Assign policies).
      </Text>
      <PolicyToolbar
        selected={selected}
        canAddSitePolicy={sites.length > 0}
        onNew={(kind) => open(kind === "newSite" ? { kind, sites } : { kind })}
        onEdit={() => selected && open({ kind: "edit", policy: selected })}
        onRemove={() => selected && open({ kind: "remove" })}
      />
      <OutcomeMessageBar outcome={outcome} onDismiss={dismissOutcome} />
      {list.isPending && <Spinner label="Loading PIN policies…" />}
      {list.isError && <ApiErrorMessageBar title="The PIN policies could not be loaded" error={list.error} />}
      {list.data && (
        <PinPoliciesTable
          policies={policies}
          selectedId={selectedId}
          onSelect={setSelectedId}
          onOpen={canWrite ? (policy) => open({ kind: "edit", policy }) : undefined}
        />
      )}

      {dialog && dialog.kind !== "remove" && (
        <PolicyDialog mode={dialog} onCancel={close} onDone={(policy, message) => done(message, policy.id)} />
      )}
      {dialog?.kind === "remove" && selected && (
        <RemovePolicyDialog
          policy={selected}
          onCancel={close}
          onDone={(message) => done(message, selected.scope === "Global" ? selected.id : null)}
        />
      )}
    </div>
  );
}

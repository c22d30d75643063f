/**
 * Action → Assign policies, PIN policy section (Grant-CsPinPolicy): a user policy or automatic (the site's
 * policy, else Global) for the selected users, then what happened to each of them.
 */
import { Dropdown, Field, makeStyles, Option, tokens } from "@fluentui/react-components";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { useState } from "react";
import { ApiErrorMessageBar } from "../../../../components/api-error-message-bar.tsx";
import { FormDialog } from "../../../../components/form-dialog.tsx";
import { ResultsDialog } from "../../../../components/results-dialog.tsx";
import { useAssignPinPolicy } from "../../api/assign-policies.ts";
import { useUserPinPolicies } from "../../api/get-user-pin-policies.ts";
import { useStartJob } from "../../api/jobs.ts";
import { describePinPolicy } from "../../lib/describe-pin-policy.ts";
import { JobProgressDialog } from "./job-progress-dialog.tsx";
import { PinPolicyView } from "./pin-policy-view.tsx";
import { initialScope, type Scope, ScopeChoice } from "./scope-choice.tsx";
import { TargetResultsTable } from "./target-results-table.tsx";

/** The Dropdown's value for "no user policy": never a policy's name, since names hold no control characters. */
const AUTOMATIC = "\u0000automatic";
const AUTOMATIC_LABEL = "Automatic (site or Global policy)";

const useStyles = makeStyles({
  policyRow: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  policyField: { flexGrow: 1 },
  // Level with the dropdown, below the field's label.
  view: { marginTop: `calc(${tokens.lineHeightBase300} + ${tokens.spacingVerticalXXS})` },
});

interface AssignPoliciesDialogProps {
  userIds: number[];
  query: SearchQuery;
  onClose: () => void;
}

export function AssignPoliciesDialog({ userIds, query, onClose }: AssignPoliciesDialogProps) {
  const styles = useStyles();
  const policies = useUserPinPolicies();
  const assign = useAssignPinPolicy();
  const job = useStartJob();
  const [scope, setScope] = useState<Scope>(initialScope(userIds.length));
  // Nothing chosen is Lync's <Keep as is>: OK stays unavailable until a choice is made.
  const [choice, setChoice] = useState<string | undefined>(undefined);
  const chosen = policies.data?.find((policy) => policy.name === choice);
  if (job.data) return <JobProgressDialog jobId={job.data.id} onClose={onClose} />;
  if (assign.data) {
    return (
      <ResultsDialog title="Assign policies" onClose={onClose}>
        <TargetResultsTable results={assign.data.results} />
      </ResultsDialog>
    );
  }

  return (
    <FormDialog
      title="Assign policies"
      submitLabel="OK"
      busy={assign.isPending || job.isPending}
      canSubmit={choice !== undefined}
      error={assign.error ?? job.error}
      errorTitle="The PIN policy was not assigned"
      onCancel={onClose}
      onSubmit={() => {
        const policy = choice === AUTOMATIC ? null : (choice ?? null);
        if (scope === "search") job.mutate({ path: "assign-policy", query, policy });
        else assign.mutate({ userIds, policy });
      }}
    >
      <ScopeChoice selectedCount={userIds.length} value={scope} onChange={setScope} />
      {policies.isError && (
        <ApiErrorMessageBar title="The PIN policies could not be loaded" error={policies.error} />
      )}
      <div className={styles.policyRow}>
        <Field
          className={styles.policyField}
          label="PIN policy"
          hint={choice === undefined ? undefined : describePinPolicy(chosen)}
        >
          <Dropdown
            placeholder="<Keep as is>"
            disabled={!policies.data}
            value={choice === AUTOMATIC ? AUTOMATIC_LABEL : (choice ?? "")}
            selectedOptions={choice ? [choice] : []}
            onOptionSelect={(_event, data) => setChoice(data.optionValue)}
          >
            <Option value={AUTOMATIC}>{AUTOMATIC_LABEL}</Option>
            {(policies.data ?? []).map((policy) => (
              <Option key={policy.id} value={policy.name}>
                {policy.name}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <PinPolicyView className={styles.view} policy={chosen} />
      </div>
    </FormDialog>
  );
}

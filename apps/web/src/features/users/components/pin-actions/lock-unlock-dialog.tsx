/** Lock PIN / Unlock PIN: a confirmation naming how many users, then a result per user. */
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { useState } from "react";
import { ConfirmDialog } from "../../../../components/confirm-dialog.tsx";
import { ResultsDialog } from "../../../../components/results-dialog.tsx";
import { useStartJob } from "../../api/jobs.ts";
import { useLockPins, useUnlockPins } from "../../api/pins.ts";
import { formatUsers } from "../../lib/result-counts.ts";
import { JobProgressDialog } from "./job-progress-dialog.tsx";
import { initialScope, type Scope, ScopeChoice } from "./scope-choice.tsx";
import { TargetResultsTable } from "./target-results-table.tsx";

interface LockUnlockDialogProps {
  action: "lock" | "unlock";
  userIds: number[];
  query: SearchQuery;
  onClose: () => void;
}

export function LockUnlockDialog({ action, userIds, query, onClose }: LockUnlockDialogProps) {
  const lock = useLockPins();
  const unlock = useUnlockPins();
  const job = useStartJob();
  const [scope, setScope] = useState<Scope>(initialScope(userIds.length));
  const mutation = action === "lock" ? lock : unlock;
  const verb = action === "lock" ? "Lock" : "Unlock";

  if (job.data) return <JobProgressDialog jobId={job.data.id} onClose={onClose} />;
  if (mutation.data) {
    return (
      <ResultsDialog title={`${verb} PIN`} onClose={onClose}>
        <TargetResultsTable results={mutation.data.results} />
      </ResultsDialog>
    );
  }
  return (
    <ConfirmDialog
      title={
        scope === "search"
          ? `${verb} the PIN of every user the search matches?`
          : `${verb} the PIN of ${formatUsers(userIds.length)}?`
      }
      confirmLabel={`${verb} PIN`}
      busy={mutation.isPending || job.isPending}
      error={mutation.error ?? job.error}
      onCancel={onClose}
      onConfirm={() =>
        scope === "search" ? job.mutate({ path: action, query }) : mutation.mutate({ userIds })
      }
    >
      <ScopeChoice selectedCount={userIds.length} value={scope} onChange={setScope} />
      {action === "lock"
        ? "A locked PIN cannot be used to join conferences or sign in from a phone until an administrator unlocks it. The users can still sign in with their user name and password."
        : "Unlocking removes every lock on these PINs (by an administrator or after too many failed attempts) and resets their failed-attempt counts."}
    </ConfirmDialog>
  );
}

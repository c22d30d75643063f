/** Set PIN: the choice (generate or type), then the results with the new PINs shown once. */
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { useStartJob } from "../../api/jobs.ts";
import { useSetPin } from "../../api/pins.ts";
import { JobProgressDialog } from "./job-progress-dialog.tsx";
import { SetPinForm } from "./set-pin-form.tsx";
import { SetPinResults } from "./set-pin-results.tsx";

export function SetPinDialog({
  userIds,
  query,
  onClose,
}: {
  userIds: number[];
  query: SearchQuery;
  onClose: () => void;
}) {
  const setPin = useSetPin();
  const job = useStartJob();
  if (job.data) return <JobProgressDialog jobId={job.data.id} onClose={onClose} />;
  if (setPin.data) return <SetPinResults results={setPin.data.results} onClose={onClose} />;
  return (
    <SetPinForm
      userIds={userIds}
      busy={setPin.isPending || job.isPending}
      error={setPin.error ?? job.error}
      onCancel={onClose}
      onSubmit={(choice, scope) =>
        scope === "search"
          ? job.mutate({ path: "set-pin", query, delivery: choice.delivery })
          : setPin.mutate({ userIds, ...choice })
      }
    />
  );
}

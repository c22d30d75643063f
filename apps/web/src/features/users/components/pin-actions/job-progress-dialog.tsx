/**
 * A job's progress while it runs: a progress bar with counts, Cancel, and when it ends the results file
 * (for Set PIN, the new PINs — once). Closing the dialog does not stop the job.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
} from "@fluentui/react-components";
import { FINISHED_JOB_STATUSES, JOB_LABELS, type JobView } from "@pindesk/domain/jobs/job";
import { ApiErrorMessageBar } from "../../../../components/api-error-message-bar.tsx";
import { useFullScreenDialogStyles } from "../../../../components/full-screen-dialog.ts";
import { useCancelJob, useJob } from "../../api/jobs.ts";
import { jobProgress } from "../../lib/job-progress.ts";

const STATUS_TEXT: Record<JobView["status"], string> = {
  queued: "Waiting to start…",
  running: "Running",
  cancelling: "Cancelling after the current chunk…",
  cancelled: "Cancelled",
  completed: "Completed",
  failed: "Failed",
};

/** Set PIN by email: where the job's messages stand. */
function describeMail({ sent, waiting, failed }: NonNullable<JobView["mail"]>): string {
  return `Email: ${sent} sent, ${waiting} waiting to be sent or retried, ${failed} failed`;
}

function describe(job: JobView): string {
  const of = job.total === null ? "" : ` of ${job.total}`;
  return `${job.processed}${of} users: ${job.succeeded} done, ${job.unchanged} already so, ${job.refused} refused`;
}

export function JobProgressDialog({ jobId, onClose }: { jobId: number; onClose: () => void }) {
  const fullScreen = useFullScreenDialogStyles();
  const job = useJob(jobId);
  const cancel = useCancelJob(jobId);
  const data = job.data;
  const finished = data ? FINISHED_JOB_STATUSES.includes(data.status) : false;
  const progress = data ? jobProgress(data) : undefined;
  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface className={fullScreen.surface}>
        <DialogBody>
          <DialogTitle>{data ? `${JOB_LABELS[data.kind]}: job ${data.id}` : `Job ${jobId}`}</DialogTitle>
          <DialogContent>
            {job.isError && (
              <ApiErrorMessageBar title="The job's progress could not be read" error={job.error} />
            )}
            {data && (
              <>
                <Field
                  label={STATUS_TEXT[data.status]}
                  validationMessage={describe(data)}
                  validationState="none"
                >
                  <ProgressBar
                    value={progress?.value}
                    color={progress?.color}
                    thickness="large"
                    aria-label="Job progress"
                    aria-valuetext={progress?.valueText}
                  />
                </Field>
                {data.error && (
                  <MessageBar intent={data.status === "failed" ? "error" : "warning"}>
                    <MessageBarBody>
                      {data.status === "failed"
                        ? `The job failed: ${data.error}`
                        : `Retrying after: ${data.error}`}
                    </MessageBarBody>
                  </MessageBar>
                )}
                {data.mail && <Text as="p">{describeMail(data.mail)}</Text>}
                {data.kind === "setPin" && data.delivery === "show" && !data.pinsDelivered && (
                  <MessageBar intent="warning">
                    <MessageBarBody>
                      The new PINs are in the results file. It shows them only once: download it and keep it
                      safe.
                    </MessageBarBody>
                  </MessageBar>
                )}
                {finished && (
                  <Text as="p">
                    <Link href={`/api/jobs/${data.id}/results.csv`} download>
                      Download results (CSV)
                    </Link>
                  </Text>
                )}
              </>
            )}
            {cancel.isError && <ApiErrorMessageBar title="The job was not cancelled" error={cancel.error} />}
          </DialogContent>
          <DialogActions>
            {!finished && (
              <Button
                disabled={cancel.isPending || data?.status === "cancelling"}
                onClick={() => cancel.mutate()}
              >
                Cancel job
              </Button>
            )}
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** How a job prints (docs/design.md, "Jobs"): its action, status and counts, one row per job. */
import { FINISHED_JOB_STATUSES, JOB_LABELS } from "@pindesk/domain/jobs/job";
import type { JobSummary } from "../api/answers.ts";
import { EXIT_DONE, EXIT_SOME_REFUSED } from "../errors.ts";
import type { RowsView } from "../output/render.ts";

export const JOB_VIEW: RowsView<JobSummary> = {
  columns: [
    { header: "Id", value: (job) => job.id },
    { header: "Action", value: (job) => JOB_LABELS[job.kind] },
    { header: "Status", value: (job) => job.status },
    { header: "Total", value: (job) => job.total },
    { header: "Processed", value: (job) => job.processed },
    { header: "Succeeded", value: (job) => job.succeeded },
    { header: "Unchanged", value: (job) => job.unchanged },
    { header: "Refused", value: (job) => job.refused },
    { header: "CreatedAt", value: (job) => job.createdAt },
    { header: "Error", value: (job) => job.error },
  ],
  identity: (job) => String(job.id),
};

export const isFinished = (job: JobSummary) => FINISHED_JOB_STATUSES.includes(job.status);

/** A finished job's exit code: 0 when it completed with nobody refused, else 1. */
export const jobExitCode = (job: JobSummary) =>
  job.status === "completed" && job.refused === 0 ? EXIT_DONE : EXIT_SOME_REFUSED;

export function jobSentence(job: JobSummary): string {
  if (job.total === null) return `${JOB_LABELS[job.kind]}: job ${job.id} ${job.status}`;
  const counts = `${job.processed} of ${job.total} users: ${job.succeeded} done, ${job.unchanged} unchanged, ${job.refused} refused`;
  const error = job.error ? ` (${job.error})` : "";
  return `${JOB_LABELS[job.kind]}: job ${job.id} ${job.status}${error}; ${counts}`;
}

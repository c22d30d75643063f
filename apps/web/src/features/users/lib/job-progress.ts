/**
 * How far a job's bar is filled, and in which colour: a completed job full; a cancelled or failed one as far
 * as it got (a cancelled job that showed full looked done); a running one by its processed share, or moving
 * without a value while its total is not known yet.
 */
import type { JobView } from "@pindesk/domain/jobs/job";

export interface JobProgress {
  /** 0 to 1; undefined: not known yet (an indeterminate bar). */
  value: number | undefined;
  color: "brand" | "success" | "warning" | "error";
  /** For screen readers: what the bar shows, in words. */
  valueText: string;
}

export function jobProgress(job: Pick<JobView, "status" | "processed" | "total">): JobProgress {
  const share = job.total ? Math.min(job.processed / job.total, 1) : undefined;
  const of = job.total === null ? `${job.processed} users` : `${job.processed} of ${job.total} users`;
  switch (job.status) {
    case "completed":
      return { value: 1, color: "success", valueText: `Completed: ${of}` };
    case "cancelled":
      return { value: share ?? 0, color: "warning", valueText: `Cancelled after ${of}` };
    case "failed":
      return { value: share ?? 0, color: "error", valueText: `Failed after ${of}` };
    default:
      return { value: share, color: "brand", valueText: job.total === null ? "Counting users…" : of };
  }
}

/**
 * `--wait`: follows a job to its end, a look at its progress each poll interval, with a progress bar on a
 * terminal. The job runs on the server either way; interrupting pindesk does not cancel it.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { JobAnswer, type JobSummary } from "../api/answers.ts";
import type { PinDeskApi } from "../api/api-client.ts";
import type { CliIo } from "../io.ts";
import { progressBar } from "../output/progress.ts";
import { isFinished } from "./job-view.ts";

export async function followJob(api: PinDeskApi, io: CliIo, start: JobSummary, pollMs: number) {
  const progress = progressBar(io.stderr, `Job ${start.id}`);
  let job = start;
  try {
    while (!isFinished(job)) {
      progress.update(job.processed, job.total);
      await sleep(pollMs);
      job = (await api.get(`/api/jobs/${job.id}`, JobAnswer)).job;
    }
  } finally {
    progress.done();
  }
  return job;
}

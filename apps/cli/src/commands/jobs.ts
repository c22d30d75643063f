/** `pindesk jobs list|show|results|cancel`: the jobs PIN actions on a search run as (docs/design.md, "Jobs"). */
import { JobAnswer, JobListAnswer } from "../api/answers.ts";
import { EXIT_DONE, UsageError } from "../errors.ts";
import { note } from "../io.ts";
import { followJob } from "../jobs/follow-job.ts";
import { isFinished, JOB_VIEW, jobExitCode, jobSentence } from "../jobs/job-view.ts";
import { outputFormat } from "../output/output-format.ts";
import { render } from "../output/render.ts";
import { commandArgs, OUTPUT_OPTION } from "./command-args.ts";
import type { CommandContext } from "./context.ts";

export const JOBS_USAGE = `pindesk jobs list                  the latest jobs (yours; everyone's for CsAdministrator)
  pindesk jobs show ID [--wait]      a job's progress; --wait follows it to its end
  pindesk jobs results ID            a result per user, as CSV (a Set PIN job's PINs, the first time only)
  pindesk jobs cancel ID             stops the job after the chunk it is on`;

export async function jobsCommand(args: string[], context: CommandContext): Promise<number> {
  const [verb, ...rest] = args;
  const { values, positionals } = commandArgs(
    rest,
    { ...OUTPUT_OPTION, wait: { type: "boolean" } },
    `jobs ${verb ?? ""}`.trim(),
  );
  const { io } = context;
  if (values.help || verb === undefined || verb === "help") {
    io.stdout.write(`${JOBS_USAGE}\n`);
    return EXIT_DONE;
  }
  const format = outputFormat(values.output, !!io.stdout.isTTY, "json");
  if (verb === "list") {
    const { jobs } = await (await context.api()).get("/api/jobs", JobListAnswer);
    io.stdout.write(render(jobs, JOB_VIEW, format));
    return EXIT_DONE;
  }
  if (!["show", "results", "cancel"].includes(verb)) {
    throw new UsageError(`pindesk jobs: unknown command ${JSON.stringify(verb)}`);
  }
  if (positionals.length !== 1) throw new UsageError(`pindesk jobs ${verb} takes one job id`);
  const id = Number(positionals[0]);
  if (!/^[1-9]\d{0,9}$/.test(positionals[0] ?? "") || id > 2_147_483_647) {
    throw new UsageError(`pindesk jobs ${verb}: ${JSON.stringify(positionals[0])} is not a job id`);
  }
  const api = await context.api();
  if (verb === "results") {
    io.stdout.write((await api.text(`/api/jobs/${id}/results.csv`)).replace(/^\uFEFF/, ""));
    return EXIT_DONE;
  }
  let { job } = await (verb === "cancel"
    ? api.post(`/api/jobs/${id}/cancel`, undefined, JobAnswer)
    : api.get(`/api/jobs/${id}`, JobAnswer));
  if (values.wait) job = await followJob(api, io, job, context.pollMs);
  io.stdout.write(render([job], JOB_VIEW, format));
  note(io, jobSentence(job));
  return isFinished(job) && verb === "show" ? jobExitCode(job) : EXIT_DONE;
}

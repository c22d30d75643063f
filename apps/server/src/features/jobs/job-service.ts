/**
 * Jobs for the console: start one on a search, follow its progress, cancel it, download its results. A job
 * is its creator's (and every CsAdministrator's) to see; a Set PIN job's new PINs only its creator's.
 */
import { hasPermission } from "@pindesk/domain/auth/permissions";
import { csvRecord } from "@pindesk/domain/csv/csv";
import { FINISHED_JOB_STATUSES, type JobKind, type JobView } from "@pindesk/domain/jobs/job";
import { mailStatusText, NO_MAIL_MESSAGE, type PinDelivery } from "@pindesk/domain/mail/mail-api";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import { writeAuditEvent } from "../../core/audit/audit-store.ts";
import type { Caller, ConsoleSession } from "../../core/caller.ts";
import type { CoreDependencies } from "../../core/dependencies.ts";
import { searchUserRows } from "../../core/directory/user-search.ts";
import { conflict, notFound } from "../../core/errors.ts";
import {
  cancelJob,
  claimSealedPins,
  findJob,
  hasSealedPins,
  insertJob,
  type JobRow,
  jobResults,
  listJobs,
  toJobView,
} from "../../core/jobs/job-store.ts";
import { jobMailCounts, jobMailStatuses } from "../../core/mail/outbox-store.ts";
import { assignTarget } from "../../core/pins/assign-policy.ts";

const RESULT_BATCH = 1000;

/** What a job's results file says of a user's PIN sent by email. */
function emailColumn(
  row: { outcome: string; message: string },
  status: Parameters<typeof mailStatusText>[0],
) {
  if (status) return mailStatusText(status);
  return row.message === NO_MAIL_MESSAGE ? "No email address" : "";
}

export function createJobService({
  db,
  clock,
  vault,
  mail,
}: Pick<CoreDependencies, "db" | "clock" | "vault" | "mail">) {
  const mayManageAll = (session: ConsoleSession) => hasPermission(session.roles, "accounts:manage");

  async function visibleJob(session: ConsoleSession, id: number): Promise<JobRow> {
    const job = await findJob(db, id);
    if (!job || (job.created_by_account_id !== session.accountId && !mayManageAll(session))) {
      throw notFound(`There is no job with id ${id}`);
    }
    return job;
  }

  const view = async (job: JobRow) =>
    toJobView(
      job,
      await hasSealedPins(db, job.id),
      job.delivery === "email" ? await jobMailCounts(db, job.id) : null,
    );

  return {
    async start(
      session: ConsoleSession,
      caller: Caller,
      kind: JobKind,
      query: SearchQuery,
      policy: string | null,
      delivery: PinDelivery = "show",
    ) {
      if (delivery === "email" && !mail)
        throw conflict("Mail is not configured (PINDESK_SMTP_HOST), so PINs cannot be sent by email");
      // A bad LDAP filter or an unknown policy is refused now, not discovered by the runner later.
      await searchUserRows(db, { ...query, maxUsers: 1 }, clock.now());
      if (kind === "assignPolicy") await assignTarget(db, policy);
      const at = clock.now();
      const job = await db.transaction().execute(async (trx) => {
        const row = await insertJob(trx, {
          kind,
          query,
          policy,
          delivery,
          accountId: session.accountId,
          username: session.username,
          clientAddress: caller.clientAddress,
          at,
        });
        await writeAuditEvent(trx, {
          at,
          actor: caller.actor,
          action: "job.start",
          target: { type: "job", id: row.id, name: `${kind} #${row.id}` },
          outcome: "Success",
          details: {
            kind,
            ...(kind === "assignPolicy" ? { policy } : {}),
            ...(delivery === "email" ? { delivery } : {}),
          },
          clientAddress: caller.clientAddress,
        });
        return row;
      });
      return view(job);
    },

    async get(session: ConsoleSession, id: number): Promise<JobView> {
      return view(await visibleJob(session, id));
    },

    async list(session: ConsoleSession): Promise<JobView[]> {
      const rows = await listJobs(db, mayManageAll(session) ? undefined : session.accountId);
      return Promise.all(rows.map(view));
    },

    async cancel(session: ConsoleSession, caller: Caller, id: number): Promise<JobView> {
      const job = await visibleJob(session, id);
      if (FINISHED_JOB_STATUSES.includes(job.status))
        throw conflict(
          `Job ${id} has already ${job.status === "completed" ? "completed" : `been ${job.status}`}`,
        );
      const updated = await db.transaction().execute(async (trx) => {
        const row = await cancelJob(trx, job, clock.now());
        await writeAuditEvent(trx, {
          at: clock.now(),
          actor: caller.actor,
          action: "job.cancel",
          target: { type: "job", id, name: `${job.kind} #${id}` },
          outcome: "Success",
          clientAddress: caller.clientAddress,
        });
        return row;
      });
      return view(updated);
    },

    /**
     * The results file, a batch at a time. For its creator, a Set PIN job's file carries the new PINs, once:
     * they are claimed (taken out of the database) before the file starts, so a second download, even one
     * at the same moment, carries none. A download cut off midway has lost them: Set PIN again for those.
     */
    async results(session: ConsoleSession, id: number) {
      const job = await visibleJob(session, id);
      // By email there is no PIN file: the PINs went to the users, and the file says what became of each.
      const emailed = job.delivery === "email";
      const withPins = job.kind === "setPin" && !emailed && job.created_by_account_id === session.accountId;
      const sealed = withPins ? await claimSealedPins(db, id, clock.now()) : new Map<number, string>();
      async function* chunks() {
        const extra = withPins ? ["PIN"] : emailed ? ["Email"] : [];
        yield csvRecord(["Display name", "Identity", "Result", "Details", ...extra]);
        for (let after = -1; ; ) {
          const rows = await jobResults(db, id, after, RESULT_BATCH);
          if (rows.length === 0) return;
          const statuses = emailed
            ? await jobMailStatuses(db, id, rows[0]?.seq ?? 0, rows.at(-1)?.seq ?? 0)
            : undefined;
          let text = "";
          for (const row of rows) {
            const pin = sealed.get(row.seq);
            text += csvRecord([
              row.display_name,
              row.identity,
              row.outcome,
              row.message,
              ...(withPins ? [pin ? vault.open(pin) : ""] : []),
              ...(statuses ? [emailColumn(row, statuses.get(row.seq))] : []),
            ]);
          }
          after = rows.at(-1)?.seq ?? after;
          yield text;
        }
      }
      return { fileName: `pindesk-job-${id}-results.csv`, chunks: chunks() };
    },
  };
}

export type JobService = ReturnType<typeof createJobService>;

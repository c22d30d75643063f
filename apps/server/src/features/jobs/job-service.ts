/**
 * Jobs for the console: start one on a search, follow its progress, cancel it, download its results. A job
 * is its creator's (and every CsAdministrator's) to see; a Set PIN job's new PINs only its creator's.
 */
import { hasPermission } from "@pindesk/domain/auth/permissions";
import { csvRecord } from "@pindesk/domain/csv/csv";
import { FINISHED_JOB_STATUSES, type JobKind, type JobView } from "@pindesk/domain/jobs/job";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import type { Kysely } from "kysely";
import type { Clock } from "../../clock.ts";
import { writeAuditEvent } from "../../core/audit/audit-store.ts";
import type { Caller, ConsoleSession } from "../../core/caller.ts";
import { searchUserRows } from "../../core/directory/user-search.ts";
import { conflict, notFound } from "../../core/errors.ts";
import { findJob, hasSealedPins, insertJob, type JobRow, toJobView } from "../../core/jobs/job-store.ts";
import { assignTarget } from "../../core/pins/assign-policy.ts";
import type { PinVault } from "../../crypto/pin-vault.ts";
import type { Database } from "../../db/schema.ts";

const RESULT_BATCH = 1000;

export function createJobService(db: Kysely<Database>, clock: Clock, vault: PinVault) {
  const mayManageAll = (session: ConsoleSession) => hasPermission(session.roles, "accounts:manage");

  async function visibleJob(session: ConsoleSession, id: number): Promise<JobRow> {
    const job = await findJob(db, id);
    if (!job || (job.created_by_account_id !== session.accountId && !mayManageAll(session))) {
      throw notFound(`There is no job with id ${id}`);
    }
    return job;
  }

  const view = async (job: JobRow) => toJobView(job, await hasSealedPins(db, job.id));

  return {
    async start(
      session: ConsoleSession,
      caller: Caller,
      kind: JobKind,
      query: SearchQuery,
      policy: string | null,
    ) {
      // A bad LDAP filter or an unknown policy is refused now, not discovered by the runner later.
      await searchUserRows(db, { ...query, maxUsers: 1 }, clock.now());
      if (kind === "assignPolicy") await assignTarget(db, policy);
      const at = clock.now();
      const job = await db.transaction().execute(async (trx) => {
        const row = await insertJob(trx, {
          kind,
          query,
          policy,
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
          details: { kind, ...(kind === "assignPolicy" ? { policy } : {}) },
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
      let select = db.selectFrom("jobs").selectAll().orderBy("id", "desc").limit(20);
      if (!mayManageAll(session)) select = select.where("created_by_account_id", "=", session.accountId);
      return Promise.all((await select.execute()).map(view));
    },

    async cancel(session: ConsoleSession, caller: Caller, id: number): Promise<JobView> {
      const job = await visibleJob(session, id);
      if (FINISHED_JOB_STATUSES.includes(job.status))
        throw conflict(
          `Job ${id} has already ${job.status === "completed" ? "completed" : `been ${job.status}`}`,
        );
      const updated = await db.transaction().execute(async (trx) => {
        // A queued job has not started: it ends at once. A running one stops after its current chunk.
        const row = await trx
          .updateTable("jobs")
          .set(
            job.status === "queued"
              ? { status: "cancelled", finished_at: clock.now() }
              : { status: "cancelling" },
          )
          .where("id", "=", id)
          .returningAll()
          .executeTakeFirstOrThrow();
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
     * `delivered` clears the PINs it sent after the whole file has gone out.
     */
    async results(session: ConsoleSession, id: number) {
      const job = await visibleJob(session, id);
      const withPins = job.kind === "setPin" && job.created_by_account_id === session.accountId;
      let lastSeqWithPin = -1;
      async function* chunks() {
        yield csvRecord(["Display name", "Identity", "Result", "Details", ...(withPins ? ["PIN"] : [])]);
        for (let after = -1; ; ) {
          const rows = await db
            .selectFrom("job_results")
            .selectAll()
            .where("job_id", "=", id)
            .where("seq", ">", after)
            .orderBy("seq")
            .limit(RESULT_BATCH)
            .execute();
          if (rows.length === 0) return;
          let text = "";
          for (const row of rows) {
            const pin = withPins && row.pin_sealed ? vault.open(row.pin_sealed) : "";
            if (pin) lastSeqWithPin = row.seq;
            text += csvRecord([
              row.display_name,
              row.identity,
              row.outcome,
              row.message,
              ...(withPins ? [pin] : []),
            ]);
          }
          after = rows.at(-1)?.seq ?? after;
          yield text;
        }
      }
      return {
        fileName: `pindesk-job-${id}-results.csv`,
        chunks: chunks(),
        async delivered() {
          if (lastSeqWithPin < 0) return;
          await db
            .updateTable("job_results")
            .set({ pin_sealed: null })
            .where("job_id", "=", id)
            .where("seq", "<=", lastSeqWithPin)
            .execute();
          await db.updateTable("jobs").set({ pins_delivered_at: clock.now() }).where("id", "=", id).execute();
        },
      };
    },
  };
}

export type JobService = ReturnType<typeof createJobService>;

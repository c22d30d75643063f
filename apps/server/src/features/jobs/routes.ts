/**
 * /api/jobs: bulk work on every user a search matches. Starting a job needs the permission of its action
 * (one route per kind, so the permission matrix covers each); following one needs only users:read, and the
 * service shows a job to its creator and to CsAdministrator.
 */
import { AccountIdParams } from "@pindesk/domain/accounts/console-account";
import type { Permission } from "@pindesk/domain/auth/permissions";
import {
  CreateAssignJobRequest,
  CreateJobRequest,
  CreateSetPinJobRequest,
  type JobKind,
} from "@pindesk/domain/jobs/job";
import { sendCsvDownload } from "../../http/csv-download.ts";
import { defineRoute } from "../../http/define-route.ts";
import { requireSession, sessionCaller } from "../../http/request-context.ts";
import type { RouteDefinition } from "../../http/routes.ts";
import type { JobService } from "./job-service.ts";

const byId = { params: AccountIdParams };
/** Lock, Unlock and Set PIN jobs take the search only; Assign policies names the policy too. */
const NoPolicyJobRequest = CreateJobRequest.transform((body) => ({
  ...body,
  policy: null,
  delivery: "show" as const,
}));
/** Set PIN may send each user their PIN by email instead of keeping a PIN file. */
const SetPinJobRequest = CreateSetPinJobRequest.transform((body) => ({ ...body, policy: null }));
const AssignJobRequest = CreateAssignJobRequest.transform((body) => ({ ...body, delivery: "show" as const }));
const JOB_REQUESTS = {
  lock: NoPolicyJobRequest,
  unlock: NoPolicyJobRequest,
  setPin: SetPinJobRequest,
  assignPolicy: AssignJobRequest,
};

const STARTS: { kind: JobKind; path: string; access: Permission; summary: string }[] = [
  {
    kind: "lock",
    path: "/jobs/lock",
    access: "pin:lock",
    summary: "Lock the PIN of every user a search matches, as a job",
  },
  {
    kind: "unlock",
    path: "/jobs/unlock",
    access: "pin:lock",
    summary: "Unlock the PIN of every user a search matches, as a job",
  },
  {
    kind: "setPin",
    path: "/jobs/set-pin",
    access: "pin:set",
    summary:
      'Generate a PIN for every user a search matches, as a job; delivery "email" sends each user theirs',
  },
  {
    kind: "assignPolicy",
    path: "/jobs/assign-policy",
    access: "pinPolicy:assign",
    summary: "Assign a PIN policy to every user a search matches, as a job",
  },
];

/** A job's search is the body's `query`: its LDAP filter is there even when it is missing. */
const QUERY_FIELDS = { ldapFilter: "body.query.ldapFilter" };

export function jobRoutes(jobs: JobService): RouteDefinition[] {
  return [
    ...STARTS.map(({ kind, ...start }) =>
      defineRoute({
        method: "post",
        ...start,
        request: { body: JOB_REQUESTS[kind] },
        fieldPaths: QUERY_FIELDS,
        handle: async ({ body }, req, res) => {
          const job = await jobs.start(
            requireSession(req),
            sessionCaller(req),
            kind,
            body.query,
            body.policy,
            body.delivery,
          );
          res.status(202).json({ job });
        },
      }),
    ),
    defineRoute({
      method: "get",
      path: "/jobs",
      access: "users:read",
      summary: "The latest jobs: your own, or everyone's for CsAdministrator",
      handle: async (_input, req, res) => {
        res.json({ jobs: await jobs.list(requireSession(req)) });
      },
    }),
    defineRoute({
      method: "get",
      path: "/jobs/:id",
      access: "users:read",
      summary: "A job's progress",
      request: byId,
      handle: async ({ params }, req, res) => {
        res.json({ job: await jobs.get(requireSession(req), params.id) });
      },
    }),
    defineRoute({
      method: "post",
      path: "/jobs/:id/cancel",
      access: "users:read",
      summary: "Cancel a job: it stops after the chunk it is on",
      request: byId,
      handle: async ({ params }, req, res) => {
        res.json({ job: await jobs.cancel(requireSession(req), sessionCaller(req), params.id) });
      },
    }),
    defineRoute({
      method: "get",
      path: "/jobs/:id/results.csv",
      access: "users:read",
      summary: "A result per user; a Set PIN job's new PINs for its creator, the first time only",
      request: byId,
      handle: async ({ params }, req, res) => {
        const download = await jobs.results(requireSession(req), params.id);
        await sendCsvDownload(req, res, download.fileName, download.chunks);
      },
    }),
  ];
}

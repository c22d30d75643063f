/**
 * /api/jobs: bulk work on every user a search matches. Starting a job needs the permission of its action
 * (one route per kind, so the permission matrix covers each); following one needs only users:read, and the
 * service shows a job to its creator and to CsAdministrator.
 */
import { AccountIdParams } from "@pindesk/domain/accounts/console-account";
import type { Permission } from "@pindesk/domain/auth/permissions";
import { CreateAssignJobRequest, CreateJobRequest, type JobKind } from "@pindesk/domain/jobs/job";
import type { Request } from "express";
import { sendCsvDownload } from "../../http/csv-download.ts";
import { requireSession, sessionCaller } from "../../http/request-context.ts";
import type { RouteDefinition } from "../../http/routes.ts";
import { parseRequest } from "../../http/validate.ts";
import type { JobService } from "./job-service.ts";

const jobId = (req: Request) => parseRequest(AccountIdParams, req.params, "params").id;

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
    summary: "Generate a PIN for every user a search matches, as a job",
  },
  {
    kind: "assignPolicy",
    path: "/jobs/assign-policy",
    access: "pinPolicy:assign",
    summary: "Assign a PIN policy to every user a search matches, as a job",
  },
];

export function jobRoutes(jobs: JobService): RouteDefinition[] {
  return [
    ...STARTS.map(
      (start): RouteDefinition => ({
        method: "post",
        path: start.path,
        access: start.access,
        summary: start.summary,
        handler: async (req, res) => {
          const body =
            start.kind === "assignPolicy"
              ? parseRequest(CreateAssignJobRequest, req.body ?? {}, "body")
              : { ...parseRequest(CreateJobRequest, req.body ?? {}, "body"), policy: null };
          res.status(202).json({
            job: await jobs.start(
              requireSession(req),
              sessionCaller(req),
              start.kind,
              body.query,
              body.policy,
            ),
          });
        },
      }),
    ),
    {
      method: "get",
      path: "/jobs",
      access: "users:read",
      summary: "The latest jobs: your own, or everyone's for CsAdministrator",
      handler: async (req, res) => {
        res.json({ jobs: await jobs.list(requireSession(req)) });
      },
    },
    {
      method: "get",
      path: "/jobs/:id",
      access: "users:read",
      summary: "A job's progress",
      handler: async (req, res) => {
        res.json({ job: await jobs.get(requireSession(req), jobId(req)) });
      },
    },
    {
      method: "post",
      path: "/jobs/:id/cancel",
      access: "users:read",
      summary: "Cancel a job: it stops after the chunk it is on",
      handler: async (req, res) => {
        res.json({ job: await jobs.cancel(requireSession(req), sessionCaller(req), jobId(req)) });
      },
    },
    {
      method: "get",
      path: "/jobs/:id/results.csv",
      access: "users:read",
      summary: "A result per user; a Set PIN job's new PINs for its creator, the first time only",
      handler: async (req, res) => {
        const download = await jobs.results(requireSession(req), jobId(req));
        if (await sendCsvDownload(req, res, download.fileName, download.chunks)) await download.delivered();
      },
    },
  ];
}

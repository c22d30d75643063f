/**
 * The PIN routes' requests, built as the shared request schemas' input types and checked with those schemas
 * before they are sent (docs/design.md, "HTTP API"), so a changed route breaks this package's build.
 */
import { CreateJobRequest, CreateSetPinJobRequest } from "@pindesk/domain/jobs/job";
import type { PinDelivery } from "@pindesk/domain/mail/mail-api";
import { PinActionRequest, PinStatusRequest, SetPinRequest } from "@pindesk/domain/pins/pin-api";
import type { SearchQuery } from "@pindesk/domain/users/search-query";
import type { z } from "zod";
import {
  JobAnswer,
  PinStatusResponseAnswer,
  SetPinResultsAnswer,
  TargetResultsAnswer,
} from "../api/answers.ts";
import type { PinDeskApi } from "../api/api-client.ts";
import { checkedRequest } from "../api/checked-request.ts";

export type LockAction = "lock" | "unlock";

export const pinStatusOf = (api: PinDeskApi, request: z.input<typeof PinStatusRequest>) =>
  api.post("/api/pins/status", checkedRequest(PinStatusRequest, request), PinStatusResponseAnswer);

export const lockOrUnlock = (
  api: PinDeskApi,
  action: LockAction,
  request: z.input<typeof PinActionRequest>,
) => api.post(`/api/pins/${action}`, checkedRequest(PinActionRequest, request), TargetResultsAnswer);

export const setPins = (api: PinDeskApi, request: z.input<typeof SetPinRequest>) =>
  api.post("/api/pins/set", checkedRequest(SetPinRequest, request), SetPinResultsAnswer);

export type JobAction = LockAction | "set-pin";

/** Starts a job on every user the search matches (Set PIN: each PIN shown in the results file, or mailed). */
export function startJob(
  api: PinDeskApi,
  action: JobAction,
  query: SearchQuery,
  delivery: PinDelivery = "show",
) {
  const body =
    action === "set-pin"
      ? checkedRequest(CreateSetPinJobRequest, { query, delivery })
      : checkedRequest(CreateJobRequest, { query });
  return api.post(`/api/jobs/${action}`, body, JobAnswer);
}

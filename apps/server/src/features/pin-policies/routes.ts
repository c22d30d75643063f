/** /api/pin-policies: the PIN Policy page (Get-/New-/Set-/Remove-CsPinPolicy) and Assign policies (Grant-). */
import {
  AssignPinPolicyRequest,
  NewPinPolicyRequest,
  PinPolicyIdParams,
  UpdatePinPolicyRequest,
} from "@pindesk/domain/pins/pin-policy-api";
import type { Request } from "express";
import type { Kysely } from "kysely";
import type { Clock } from "../../clock.ts";
import type { Database } from "../../db/schema.ts";
import { sessionCaller } from "../../http/request-context.ts";
import type { RouteDefinition } from "../../http/routes.ts";
import { parseRequest } from "../../http/validate.ts";
import { createPinPolicyAssignment } from "../../user-actions/assign-policy.ts";
import { createPinPolicyService } from "./pin-policy-service.ts";

const policyId = (req: Request) => parseRequest(PinPolicyIdParams, req.params, "params").id;

export function pinPolicyRoutes(db: Kysely<Database>, clock: Clock): RouteDefinition[] {
  const policies = createPinPolicyService(db, clock);
  const assign = createPinPolicyAssignment(db, clock);
  return [
    {
      method: "get",
      path: "/pin-policies",
      access: "pinPolicy:read",
      summary: "Every PIN policy (Global, site, user) with the users it applies to, and sites without one",
      handler: async (_req, res) => {
        res.json(await policies.list());
      },
    },
    {
      method: "post",
      path: "/pin-policies",
      access: "pinPolicy:write",
      summary: "New site or user PIN policy; settings left out take Lync's defaults",
      handler: async (req, res) => {
        const request = parseRequest(NewPinPolicyRequest, req.body ?? {}, "body");
        res.status(201).json(await policies.create(sessionCaller(req), request));
      },
    },
    {
      method: "post",
      path: "/pin-policies/assign",
      access: "pinPolicy:assign",
      summary:
        "Assign a user PIN policy to users, or make theirs automatic (site or Global); whatIf changes nothing",
      handler: async (req, res) => {
        const request = parseRequest(AssignPinPolicyRequest, req.body ?? {}, "body");
        res.json(await assign(sessionCaller(req), request));
      },
    },
    {
      method: "put",
      path: "/pin-policies/:id",
      access: "pinPolicy:write",
      summary: "Replace every setting of a PIN policy",
      handler: async (req, res) => {
        const id = policyId(req);
        const settings = parseRequest(UpdatePinPolicyRequest, req.body ?? {}, "body");
        res.json(await policies.update(sessionCaller(req), id, settings));
      },
    },
    {
      method: "delete",
      path: "/pin-policies/:id",
      access: "pinPolicy:write",
      summary:
        "Remove a site or user PIN policy (its users fall back); for Global, reset it to Lync's defaults",
      handler: async (req, res) => {
        res.json(await policies.remove(sessionCaller(req), policyId(req)));
      },
    },
  ];
}

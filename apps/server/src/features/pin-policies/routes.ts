/** /api/pin-policies: the PIN Policy page (Get-/New-/Set-/Remove-CsPinPolicy) and Assign policies (Grant-). */
import {
  AssignPinPolicyRequest,
  NewPinPolicyRequest,
  PinPolicyIdParams,
  UpdatePinPolicyRequest,
} from "@pindesk/domain/pins/pin-policy-api";
import { defineRoute } from "../../http/define-route.ts";
import { sessionCaller } from "../../http/request-context.ts";
import type { RouteDefinition } from "../../http/routes.ts";
import type { PinPolicyService } from "./pin-policy-service.ts";

export function pinPolicyRoutes(policies: PinPolicyService): RouteDefinition[] {
  return [
    defineRoute({
      method: "get",
      path: "/pin-policies",
      access: "pinPolicy:read",
      summary: "Every PIN policy (Global, site, user) with the users it applies to, and sites without one",
      handle: async (_input, _req, res) => {
        res.json(await policies.list());
      },
    }),
    defineRoute({
      method: "post",
      path: "/pin-policies",
      access: "pinPolicy:write",
      summary: "New site or user PIN policy; settings left out take Lync's defaults",
      request: { body: NewPinPolicyRequest },
      handle: async ({ body }, req, res) => {
        res.status(201).json(await policies.create(sessionCaller(req), body));
      },
    }),
    defineRoute({
      method: "post",
      path: "/pin-policies/assign",
      access: "pinPolicy:assign",
      summary:
        "Assign a user PIN policy to users, or make theirs automatic (site or Global); whatIf changes nothing",
      request: { body: AssignPinPolicyRequest },
      handle: async ({ body }, req, res) => {
        res.json(await policies.assign(sessionCaller(req), body));
      },
    }),
    defineRoute({
      method: "put",
      path: "/pin-policies/:id",
      access: "pinPolicy:write",
      summary: "Replace every setting of a PIN policy",
      request: { params: PinPolicyIdParams, body: UpdatePinPolicyRequest },
      handle: async ({ params, body }, req, res) => {
        res.json(await policies.update(sessionCaller(req), params.id, body));
      },
    }),
    defineRoute({
      method: "delete",
      path: "/pin-policies/:id",
      access: "pinPolicy:write",
      summary:
        "Remove a site or user PIN policy (its users fall back); for Global, reset it to Lync's defaults",
      request: { params: PinPolicyIdParams },
      handle: async ({ params }, req, res) => {
        res.json(await policies.remove(sessionCaller(req), params.id));
      },
    }),
  ];
}

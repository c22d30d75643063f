/** /api/dial-in-numbers: the Dial-in access numbers page (Get-/New-/Set-/Remove-CsDialInConferencingAccessNumber). */
import {
  DialInAccessNumberIdParams,
  DialInAccessNumberQuery,
  NewDialInAccessNumberRequest,
  UpdateDialInAccessNumberRequest,
} from "@pindesk/domain/dial-in/access-number-api";
import { defineRoute } from "../../http/define-route.ts";
import { sessionCaller } from "../../http/request-context.ts";
import type { RouteDefinition } from "../../http/routes.ts";
import type { AccessNumberService } from "./access-number-service.ts";

export function dialInNumberRoutes(numbers: AccessNumberService): RouteDefinition[] {
  return [
    defineRoute({
      method: "get",
      path: "/dial-in-numbers",
      access: "dialInNumbers:read",
      summary: "Dial-in access numbers by priority, then display name; ?region= keeps those serving a region",
      request: { query: DialInAccessNumberQuery },
      handle: async ({ query }, _req, res) => {
        res.json(await numbers.list(query));
      },
    }),
    defineRoute({
      method: "post",
      path: "/dial-in-numbers",
      access: "dialInNumbers:write",
      summary: "New dial-in access number; its line URI must be one no other number has",
      request: { body: NewDialInAccessNumberRequest },
      handle: async ({ body }, req, res) => {
        res.status(201).json(await numbers.create(sessionCaller(req), body));
      },
    }),
    defineRoute({
      method: "put",
      path: "/dial-in-numbers/:id",
      access: "dialInNumbers:write",
      summary: "Replace every field of a dial-in access number",
      request: { params: DialInAccessNumberIdParams, body: UpdateDialInAccessNumberRequest },
      handle: async ({ params, body }, req, res) => {
        res.json(await numbers.update(sessionCaller(req), params.id, body));
      },
    }),
    defineRoute({
      method: "delete",
      path: "/dial-in-numbers/:id",
      access: "dialInNumbers:write",
      summary: "Remove a dial-in access number",
      request: { params: DialInAccessNumberIdParams },
      handle: async ({ params }, req, res) => {
        await numbers.remove(sessionCaller(req), params.id);
        res.status(204).end();
      },
    }),
  ];
}

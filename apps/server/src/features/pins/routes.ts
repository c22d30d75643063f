/** /api/pins: the PIN cmdlets for the console, and /api/pin-auth for dial-in bridges. */
import {
  PinActionRequest,
  PinAuthRequest,
  PinStatusRequest,
  SetPinRequest,
} from "@pindesk/domain/pins/pin-api";
import { defineRoute } from "../../http/define-route.ts";
import { sessionCaller } from "../../http/request-context.ts";
import type { RouteDefinition } from "../../http/routes.ts";
import type { PinServices } from "./pin-services.ts";

export function pinRoutes({ actions, status, check }: PinServices): RouteDefinition[] {
  return [
    defineRoute({
      method: "post",
      path: "/pins/status",
      access: "pin:read",
      summary: "Get-CsClientPinInfo for users by id, by identity (wildcards too), or for a search query",
      request: { body: PinStatusRequest },
      fieldPaths: { ldapFilter: "body.query.ldapFilter" },
      handle: async ({ body }, _req, res) => {
        res.json(await status.status(body));
      },
    }),
    defineRoute({
      method: "post",
      path: "/pins/lock",
      access: "pin:lock",
      summary: "Lock-CsClientPin: a result per user; whatIf changes nothing",
      request: { body: PinActionRequest },
      handle: async ({ body }, req, res) => {
        res.json(await actions.lock(sessionCaller(req), body));
      },
    }),
    defineRoute({
      method: "post",
      path: "/pins/unlock",
      access: "pin:lock",
      summary: "Unlock-CsClientPin: clears every lock and the failure counters; a result per user",
      request: { body: PinActionRequest },
      handle: async ({ body }, req, res) => {
        res.json(await actions.unlock(sessionCaller(req), body));
      },
    }),
    defineRoute({
      method: "post",
      path: "/pins/set",
      access: "pin:set",
      summary: "Set-CsClientPin: generate PINs (in this answer only) or set one typed PIN; a result per user",
      request: { body: SetPinRequest },
      handle: async ({ body }, req, res) => {
        res.json(await actions.set(sessionCaller(req), body));
      },
    }),
    defineRoute({
      method: "post",
      path: "/pin-auth",
      access: "serviceKey",
      summary: "A dial-in bridge's PIN check: Success, InvalidPin, Locked, TemporarilyLocked or Expired",
      request: { body: PinAuthRequest },
      handle: async ({ body: request }, req, res) => {
        const key = req.serviceKey ?? { id: 0, name: "unknown" };
        res.json({ result: await check.check({ type: "serviceKey", id: key.id, name: key.name }, request) });
      },
    }),
  ];
}

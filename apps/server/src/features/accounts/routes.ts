/** /api/accounts: the Console accounts page (accounts:manage). */
import {
  AccountIdParams,
  CreateAccountRequest,
  SetRolesRequest,
} from "@pindesk/domain/accounts/console-account";
import type { Request } from "express";
import { defineRoute } from "../../http/define-route.ts";
import { sessionCaller } from "../../http/request-context.ts";
import type { RouteDefinition } from "../../http/routes.ts";
import type { AccountService, AccountsCaller } from "./account-service.ts";

/** The signed-in administrator, whose own account the guards protect. */
const caller = (req: Request): AccountsCaller => ({
  ...sessionCaller(req),
  accountId: req.consoleSession?.accountId ?? null,
});

export function accountRoutes(accounts: AccountService): RouteDefinition[] {
  return [
    defineRoute({
      method: "get",
      path: "/accounts",
      access: "accounts:manage",
      summary: "Every console account with its roles",
      handle: async (_input, _req, res) => {
        res.json({ accounts: await accounts.list() });
      },
    }),
    defineRoute({
      method: "post",
      path: "/accounts",
      access: "accounts:manage",
      summary: "Create a console account; its generated password is in this answer only",
      request: { body: CreateAccountRequest },
      handle: async ({ body }, req, res) => {
        res.status(201).json(await accounts.create(caller(req), body));
      },
    }),
    defineRoute({
      method: "put",
      path: "/accounts/:id/roles",
      access: "accounts:manage",
      summary: "Replace an account's roles; ends its sessions",
      request: { params: AccountIdParams, body: SetRolesRequest },
      handle: async ({ params, body }, req, res) => {
        res.json({ account: await accounts.setRoles(caller(req), params.id, body.roles) });
      },
    }),
    defineRoute({
      method: "post",
      path: "/accounts/:id/disable",
      access: "accounts:manage",
      summary: "Disable an account; ends its sessions",
      request: { params: AccountIdParams },
      handle: async ({ params }, req, res) => {
        res.json({ account: await accounts.disable(caller(req), params.id) });
      },
    }),
    defineRoute({
      method: "post",
      path: "/accounts/:id/enable",
      access: "accounts:manage",
      summary: "Enable a disabled account",
      request: { params: AccountIdParams },
      handle: async ({ params }, req, res) => {
        res.json({ account: await accounts.enable(caller(req), params.id) });
      },
    }),
    defineRoute({
      method: "post",
      path: "/accounts/:id/reset-password",
      access: "accounts:manage",
      summary: "Give an account a new generated password, in this answer only; ends its sessions",
      request: { params: AccountIdParams },
      handle: async ({ params }, req, res) => {
        res.json(await accounts.resetPassword(caller(req), params.id));
      },
    }),
  ];
}

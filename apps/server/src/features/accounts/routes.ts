/** /api/accounts: the Console accounts page (accounts:manage). */
import {
  AccountIdParams,
  CreateAccountRequest,
  SetRolesRequest,
} from "@pindesk/domain/accounts/console-account";
import type { Request } from "express";
import { sessionCaller } from "../../http/request-context.ts";
import type { RouteDefinition } from "../../http/routes.ts";
import { parseRequest } from "../../http/validate.ts";
import type { AccountService, AccountsCaller } from "./account-service.ts";

/** The signed-in administrator, whose own account the guards protect. */
const caller = (req: Request): AccountsCaller => ({
  ...sessionCaller(req),
  accountId: req.consoleSession?.accountId ?? null,
});

const accountId = (req: Request) => parseRequest(AccountIdParams, req.params, "params").id;

export function accountRoutes(accounts: AccountService): RouteDefinition[] {
  return [
    {
      method: "get",
      path: "/accounts",
      access: "accounts:manage",
      summary: "Every console account with its roles",
      handler: async (_req, res) => {
        res.json({ accounts: await accounts.list() });
      },
    },
    {
      method: "post",
      path: "/accounts",
      access: "accounts:manage",
      summary: "Create a console account; its generated password is in this answer only",
      handler: async (req, res) => {
        const request = parseRequest(CreateAccountRequest, req.body ?? {}, "body");
        res.status(201).json(await accounts.create(caller(req), request));
      },
    },
    {
      method: "put",
      path: "/accounts/:id/roles",
      access: "accounts:manage",
      summary: "Replace an account's roles; ends its sessions",
      handler: async (req, res) => {
        const id = accountId(req);
        const { roles } = parseRequest(SetRolesRequest, req.body ?? {}, "body");
        res.json({ account: await accounts.setRoles(caller(req), id, roles) });
      },
    },
    {
      method: "post",
      path: "/accounts/:id/disable",
      access: "accounts:manage",
      summary: "Disable an account; ends its sessions",
      handler: async (req, res) => {
        res.json({ account: await accounts.disable(caller(req), accountId(req)) });
      },
    },
    {
      method: "post",
      path: "/accounts/:id/enable",
      access: "accounts:manage",
      summary: "Enable a disabled account",
      handler: async (req, res) => {
        res.json({ account: await accounts.enable(caller(req), accountId(req)) });
      },
    },
    {
      method: "post",
      path: "/accounts/:id/reset-password",
      access: "accounts:manage",
      summary: "Give an account a new generated password, in this answer only; ends its sessions",
      handler: async (req, res) => {
        res.json(await accounts.resetPassword(caller(req), accountId(req)));
      },
    },
  ];
}

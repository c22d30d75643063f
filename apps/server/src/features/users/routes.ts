/**
 * /api/users: search (POST, the query is a body), its CSV export, details, identity resolution and the
 * picker values.
 */
import { SearchPageParams } from "@pindesk/domain/users/search-page";
import { SearchQuery } from "@pindesk/domain/users/search-query";
import { sendCsvDownload, whenFinished } from "../../http/csv-download.ts";
import { defineRoute } from "../../http/define-route.ts";
import { sessionCaller } from "../../http/request-context.ts";
import type { RouteDefinition } from "../../http/routes.ts";
import { ResolveQuery, searchFromUrl, UserIdParams } from "./schema.ts";
import type { UsersService } from "./service.ts";

export function usersRoutes(service: UsersService): RouteDefinition[] {
  return [
    defineRoute({
      method: "post",
      path: "/users/search",
      access: "users:read",
      summary:
        "Search users: the search text or LDAP filter and Add Filter clauses of the Users page (Get-CsUser), " +
        "a page at a time with ?limit= and ?after=<nextCursor>",
      request: { body: SearchQuery, query: SearchPageParams },
      handle: async ({ body, query }, _req, res) => {
        res.json(await service.search(body, query));
      },
    }),
    defineRoute({
      method: "get",
      path: "/users/resolve",
      access: "users:read",
      summary: "Users matching an identity in any Cs format (SIP, UPN, domain\\logon, display name, DN)",
      request: { query: ResolveQuery },
      handle: async ({ query }, _req, res) => {
        res.json(await service.resolve(query.identity));
      },
    }),
    defineRoute({
      method: "get",
      path: "/users/choices",
      access: "users:read",
      summary: "Registrar pools, sites, PIN policies and OUs for the filter value pickers",
      handle: async (_input, _req, res) => {
        res.json(await service.choices());
      },
    }),
    defineRoute({
      // GET, as it changes nothing: a plain link downloads it. Declared before /users/:id, which it would match.
      method: "get",
      path: "/users/export.csv",
      access: "users:read",
      summary: "Export to CSV: every user the search in the page-URL parameters matches, up to its maximum",
      // The search is read from the page URL's parameters, where the filter is `ldap`.
      fieldPaths: { ldapFilter: "query.ldap" },
      handle: async (_input, req, res) => {
        const { fileName, chunks, exported } = service.exportCsv(searchFromUrl(req.originalUrl));
        const caller = sessionCaller(req);
        await sendCsvDownload(
          req,
          res,
          fileName,
          whenFinished(chunks, (complete) => exported(caller, complete)),
        );
      },
    }),
    defineRoute({
      method: "get",
      path: "/users/:id",
      access: "users:read",
      summary: "One user's properties and PIN status (Show details)",
      request: { params: UserIdParams },
      handle: async ({ params }, _req, res) => {
        res.json({ user: await service.details(params.id) });
      },
    }),
  ];
}

/**
 * /api/users: search (POST, the query is a body), its CSV export, details, identity resolution and the
 * picker values.
 */
import { SearchPageParams } from "@pindesk/domain/users/search-page";
import { SearchQuery } from "@pindesk/domain/users/search-query";
import { sendCsvDownload } from "../../http/csv-download.ts";
import type { RouteDefinition } from "../../http/routes.ts";
import { parseRequest } from "../../http/validate.ts";
import { ResolveQuery, searchFromUrl, UserIdParams } from "./schema.ts";
import type { UsersService } from "./service.ts";

export function usersRoutes(service: UsersService): RouteDefinition[] {
  return [
    {
      method: "post",
      path: "/users/search",
      access: "users:read",
      summary:
        "Search users: the search text or LDAP filter and Add Filter clauses of the Users page (Get-CsUser), " +
        "a page at a time with ?limit= and ?after=<nextCursor>",
      handler: async (req, res) => {
        const query = parseRequest(SearchQuery, req.body ?? {}, "body");
        const page = parseRequest(SearchPageParams, req.query, "query");
        res.json(await service.search(query, page));
      },
    },
    {
      method: "get",
      path: "/users/resolve",
      access: "users:read",
      summary: "Users matching an identity in any Cs format (SIP, UPN, domain\\logon, display name, DN)",
      handler: async (req, res) => {
        const { identity } = parseRequest(ResolveQuery, req.query, "query");
        res.json(await service.resolve(identity));
      },
    },
    {
      method: "get",
      path: "/users/choices",
      access: "users:read",
      summary: "Registrar pools, sites, PIN policies and OUs for the filter value pickers",
      handler: async (_req, res) => {
        res.json(await service.choices());
      },
    },
    {
      // GET, as it changes nothing: a plain link downloads it. Declared before /users/:id, which it would match.
      method: "get",
      path: "/users/export.csv",
      access: "users:read",
      summary: "Export to CSV: every user the search in the page-URL parameters matches, up to its maximum",
      handler: async (req, res) => {
        const { fileName, chunks } = service.exportCsv(searchFromUrl(req.originalUrl), "query.ldap");
        await sendCsvDownload(req, res, fileName, chunks);
      },
    },
    {
      method: "get",
      path: "/users/:id",
      access: "users:read",
      summary: "One user's properties and PIN status (Show details)",
      handler: async (req, res) => {
        const { id } = parseRequest(UserIdParams, req.params, "params");
        res.json({ user: await service.details(id) });
      },
    },
  ];
}

/**
 * EXPLAIN ANALYZE of the exact SQL the app sends for a search: the query is built by the app's own
 * `searchUserRows` against a Kysely that records instead of executing, then explained on the real database
 * with the same parameters. Nothing in apps/ is touched. A plan summary says where the time goes: which
 * scans read how many rows to return how few.
 */
import { SearchQuery } from "@pindesk/domain/users/search-query";
import { CompiledQuery, type Kysely } from "kysely";
import type { Database } from "../apps/server/src/db/schema.ts";
import { searchUserRows } from "../apps/server/src/directory/user-search.ts";
import { sqlRecorder } from "./sql-recorder.ts";

/** The one SELECT the app runs for this search body (as POST /api/users/search would parse it). */
export async function searchSql(body: object, now = new Date()): Promise<CompiledQuery> {
  const queries: CompiledQuery[] = [];
  await searchUserRows(
    sqlRecorder((query) => queries.push(query)),
    SearchQuery.parse(body),
    now,
  );
  const [query] = queries;
  if (!query || queries.length !== 1) throw new Error(`Expected one query, got ${queries.length}`);
  return query;
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows": number;
  "Actual Loops": number;
  "Actual Total Time": number;
  "Rows Removed by Filter"?: number;
  Plans?: PlanNode[];
}

export interface PlanSummary {
  executionMs: number;
  planningMs: number;
  /** Rows the scans of directory_users and user_pins touched (kept + removed by filter, × loops). */
  rowsRead: number;
  /** The heaviest scans, one line. */
  line: string;
}

function scans(node: PlanNode, into: PlanNode[] = []): PlanNode[] {
  if (node["Node Type"].includes("Scan") && node["Relation Name"]) into.push(node);
  for (const child of node.Plans ?? []) scans(child, into);
  return into;
}

const read = (node: PlanNode) =>
  (node["Actual Rows"] + (node["Rows Removed by Filter"] ?? 0)) * node["Actual Loops"];

const count = (n: number) => (n >= 10_000 ? `${(n / 1000).toFixed(0)}k` : String(Math.round(n)));

export async function explainSearch(db: Kysely<Database>, body: object): Promise<PlanSummary> {
  const query = await searchSql(body);
  const explained = await db.executeQuery<{ "QUERY PLAN": unknown }>(
    CompiledQuery.raw(`explain (analyze, buffers, format json) ${query.sql}`, [...query.parameters]),
  );
  const raw = explained.rows[0]?.["QUERY PLAN"];
  const [root] = (typeof raw === "string" ? JSON.parse(raw) : raw) as {
    Plan: PlanNode;
    "Execution Time": number;
    "Planning Time": number;
  }[];
  if (!root) throw new Error("EXPLAIN answered no plan");
  const all = scans(root.Plan).filter((n) =>
    ["directory_users", "user_pins"].includes(n["Relation Name"] ?? ""),
  );
  const heaviest = [...all].sort((a, b) => read(b) - read(a)).slice(0, 3);
  const line = heaviest
    .map((n) => {
      const using = n["Index Name"] ? ` ${n["Index Name"]}` : ` ${n["Relation Name"]}`;
      const loops = n["Actual Loops"] > 1 ? ` in ${count(n["Actual Loops"])} loops` : "";
      return `${n["Node Type"]}${using}: ${count(read(n))} rows read, ${count(n["Actual Rows"] * n["Actual Loops"])} kept${loops}`;
    })
    .join("; ");
  return {
    executionMs: root["Execution Time"],
    planningMs: root["Planning Time"],
    rowsRead: Math.round(all.reduce((sum, n) => sum + read(n), 0)),
    line,
  };
}

/** The text plan, for the report's appendix on shapes that miss their target. */
export async function explainText(db: Kysely<Database>, body: object): Promise<string> {
  const query = await searchSql(body);
  const explained = await db.executeQuery<{ "QUERY PLAN": string }>(
    CompiledQuery.raw(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]),
  );
  const plan = explained.rows.map((row) => row["QUERY PLAN"]).join("\n");
  return `${query.sql.replace(/\s+/g, " ").trim()}\n-- parameters: ${JSON.stringify(query.parameters)}\n${plan}`;
}

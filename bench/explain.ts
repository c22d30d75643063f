/**
 * EXPLAIN ANALYZE of the exact SQL the app sends for a search: the app's own `searchSortedRows` runs on the real
 * database through a plugin that notes each query it compiles, and each noted query is then explained with the
 * same parameters. A search may run more than one statement (a first walk of the display-name index, then the
 * branches when the walk does not fill the page: decision 0013), and which ones depends on the data, so the
 * queries are taken from a real run, not from a dry one. Nothing in apps/ is touched. A plan summary says where
 * the time goes: which scans read how many rows to return how few.
 */
import { SearchQuery } from "@pindesk/domain/users/search-query";
import { CompiledQuery, type Kysely, type KyselyPlugin } from "kysely";
import { searchSortedRows } from "../apps/server/src/core/directory/sorted-search.ts";
import type { Database } from "../apps/server/src/db/schema.ts";

/** The SELECTs the app runs for this search body (as POST /api/users/search would parse it), in order. */
export async function searchSql(
  db: Kysely<Database>,
  body: object,
  now = new Date(),
): Promise<CompiledQuery[]> {
  const queries: CompiledQuery[] = [];
  const executor = db.getExecutor();
  const noting: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      queries.push(executor.compileQuery(node, queryId));
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  await searchSortedRows(db.withPlugin(noting), SearchQuery.parse(body), now);
  if (queries.length === 0) throw new Error("The search ran no query");
  return queries;
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
  /** How many statements the search ran (each is explained and summed). */
  statements: number;
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

async function planOf(db: Kysely<Database>, query: CompiledQuery) {
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
  return root;
}

export async function explainSearch(db: Kysely<Database>, body: object): Promise<PlanSummary> {
  const roots = [];
  for (const query of await searchSql(db, body)) roots.push(await planOf(db, query));
  const all = roots
    .flatMap((root) => scans(root.Plan))
    .filter((n) => ["directory_users", "user_pins"].includes(n["Relation Name"] ?? ""));
  const heaviest = [...all].sort((a, b) => read(b) - read(a)).slice(0, 3);
  const line = heaviest
    .map((n) => {
      const using = n["Index Name"] ? ` ${n["Index Name"]}` : ` ${n["Relation Name"]}`;
      const loops = n["Actual Loops"] > 1 ? ` in ${count(n["Actual Loops"])} loops` : "";
      return `${n["Node Type"]}${using}: ${count(read(n))} rows read, ${count(n["Actual Rows"] * n["Actual Loops"])} kept${loops}`;
    })
    .join("; ");
  const statements = roots.length > 1 ? `${roots.length} statements: ` : "";
  return {
    statements: roots.length,
    executionMs: roots.reduce((sum, root) => sum + root["Execution Time"], 0),
    planningMs: roots.reduce((sum, root) => sum + root["Planning Time"], 0),
    rowsRead: Math.round(all.reduce((sum, n) => sum + read(n), 0)),
    line: `${statements}${line}`,
  };
}

/** The text plans, for the report's appendix on shapes that miss their target. */
export async function explainText(db: Kysely<Database>, body: object): Promise<string> {
  const parts: string[] = [];
  for (const query of await searchSql(db, body)) {
    const explained = await db.executeQuery<{ "QUERY PLAN": string }>(
      CompiledQuery.raw(`explain (analyze, buffers) ${query.sql}`, [...query.parameters]),
    );
    const plan = explained.rows.map((row) => row["QUERY PLAN"]).join("\n");
    parts.push(
      `${query.sql.replace(/\s+/g, " ").trim()}\n-- parameters: ${JSON.stringify(query.parameters)}\n${plan}`,
    );
  }
  return parts.join("\n\n");
}

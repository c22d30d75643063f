/**
 * `npm run bench:mail` (also a phase of `npm run bench`): mail throughput for a Set PIN job by email against a
 * real SMTP server, beside the same job without email and raw Nodemailer sends (bench/mail.ts). Writes
 * bench/results/<date>-mail-pglite.json and .md. `--users N` (default 1 000).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { benchMail, type MailBench } from "./mail.ts";
import { Phases } from "./phases.ts";

export async function writeMailResults(result: MailBench, otherLoad: Record<string, number | undefined>) {
  const day = new Date().toISOString().slice(0, 10);
  const base = `bench/results/${day}-mail-pglite${result.users === 1_000 ? "" : `-${result.users}`}`;
  await mkdir("bench/results", { recursive: true });
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? "unknown"}), Node ${process.version}`;
  await writeFile(`${base}.json`, `${JSON.stringify({ machine, ...result, otherLoad }, null, 2)}\n`);
  const load = Object.entries(otherLoad)
    .map(([phase, share]) => `${phase} ${share === undefined ? "?" : `${share.toFixed(0)} %`}`)
    .join(", ");
  const s = (value: number) => value.toFixed(1);
  await writeFile(
    `${base}.md`,
    [
      `# Mail throughput — ${day}, PGlite, ${machine}`,
      "",
      `A Set PIN job of ${result.users} synthetic users by email, to the tests' real SMTP server on 127.0.0.1`,
      `(smtp-server, STARTTLS, AUTH), sent by the outbox over ${result.connections} pooled connections.`,
      "",
      "| What | Figure |",
      "|---|---:|",
      `| Set PIN job, PINs to the results file (baseline) | ${s(result.jobShowSeconds)} s |`,
      `| Set PIN job by email: PINs set and queued | ${s(result.jobEmailSeconds)} s |`,
      `| Outbox: ${result.messages} messages sent | ${s(result.sendSeconds)} s = **${result.messagesPerSecond.toFixed(0)} messages/s** |`,
      `| Job start to last message sent | ${s(result.endToEndSeconds)} s |`,
      `| Nodemailer alone, same messages and connections (baseline) | ${result.rawMessagesPerSecond.toFixed(0)} messages/s |`,
      "",
      `Other processes' share of the cores: ${load}.`,
      "",
    ].join("\n"),
  );
  return `${base}.md`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { users: { type: "string" } } });
  const users = Number(values.users ?? 1_000);
  const phases = new Phases();
  await phases.checkIdle();
  console.log(`Mail throughput: a Set PIN job of ${users} users by email`);
  const result = await benchMail(users);
  phases.end("mail");
  console.log(`Summary: ${await writeMailResults(result, phases.otherLoad)}`);
}

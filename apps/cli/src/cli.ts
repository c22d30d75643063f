/** The binary's entry: main() over this process's streams; its answer is the exit code. */
import { EXIT_CANNOT_RUN } from "./errors.ts";
import { processIo } from "./io.ts";
import { main } from "./main.ts";

try {
  process.exitCode = await main(process.argv.slice(2), processIo());
} catch (error) {
  // A fault of pindesk itself: the whole story, and never the exit code of "some users refused".
  console.error(error);
  process.exitCode = EXIT_CANNOT_RUN;
}

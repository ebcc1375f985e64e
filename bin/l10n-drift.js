#!/usr/bin/env node
import { main } from "../dist/cli.js";

// A reader that stops early (`l10n-drift rules | head -1`) closes the pipe: that is not a failure
// to report with a stack, only the end of the output.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code !== "EPIPE") throw error;
    process.exit(process.exitCode ?? 0);
  });
}

process.exitCode = await main(process.argv.slice(2));

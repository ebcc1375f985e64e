import { Option, type Command } from "commander";
import { workLists } from "../../index.js";
import { formatWorkStatus } from "../../reporters/worklist.js";
import { useColor, type CliIo } from "../io.js";
import { commonCheckOptions, withCommonOptions, type CommonFlags } from "../options.js";

export function registerStatus(program: Command, io: CliIo): void {
  withCommonOptions(program.command("status").description("per locale, the translations with work to do, largest first"))
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .action(async (flags: CommonFlags & { format: "text" | "json" }) => {
      const lists = await workLists(commonCheckOptions(flags, io));
      io.stdout(flags.format === "json" ? `${JSON.stringify(lists, null, 2)}\n` : formatWorkStatus(lists, { color: useColor(io) }));
    });
}

import { InvalidArgumentError, Option, type Command } from "commander";
import { workStatus } from "../../index.js";
import { STATUS_STATES, type StatusState } from "../../report/work-status.js";
import { formatWorkStatus } from "../../reporters/worklist.js";
import { jsonText } from "../../reporters/escape.js";
import { useColor, type CliIo } from "../io.js";
import { collectList, commonCheckOptions, withCommonOptions, type CommonFlags } from "../options.js";

interface StatusFlags extends CommonFlags {
  format: "text" | "json";
  state: string[];
}

export function registerStatus(program: Command, io: CliIo): void {
  withCommonOptions(program.command("status").description("per locale, the translations with work to do: broken first, then outdated (largest first), then missing"))
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--state <list>", `comma-separated states to list (${STATUS_STATES.join(", ")}; default: all but current); repeatable`, collectStates, [])
    .action(async (flags: StatusFlags) => {
      const states = flags.state.length > 0 ? (flags.state as StatusState[]) : undefined;
      const status = await workStatus({ ...commonCheckOptions(flags, io), ...(states && { states }) });
      io.stdout(flags.format === "json" ? jsonText(status) : formatWorkStatus(status, { color: useColor(io) }));
    });
}

function collectStates(value: string, previous: string[]): string[] {
  const states = collectList(value, previous);
  const unknown = states.find((state) => !(STATUS_STATES as readonly string[]).includes(state));
  if (unknown !== undefined) throw new InvalidArgumentError(`unknown state \`${unknown}\`; the states are ${STATUS_STATES.join(", ")}`);
  return states;
}

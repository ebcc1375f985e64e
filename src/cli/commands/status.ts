import { InvalidArgumentError, Option, type Command } from "commander";
import { workStatus } from "../../index.js";
import { resolveRun } from "../../engine/resolve-run.js";
import { DriftError } from "../../errors.js";
import { planFlags } from "../../history/pin.js";
import { STATUS_STATES, type StatusState } from "../../report/work-status.js";
import { visibleControls } from "../../reporters/escape.js";
import { formatWorkStatus } from "../../reporters/worklist.js";
import { jsonText } from "../../reporters/escape.js";
import { useColor, type CliIo, type CommandOutcome } from "../io.js";
import { collectList, commonCheckOptions, withCommonOptions, type CommonFlags } from "../options.js";
import { applyPlan } from "./pin.js";

interface StatusFlags extends CommonFlags {
  format: "text" | "json";
  state: string[];
  writeKey?: string | true;
  check?: boolean;
  dryRun?: boolean;
}

export function registerStatus(program: Command, io: CliIo, outcome: CommandOutcome): void {
  withCommonOptions(program.command("status").description("per locale, the translations with work to do: broken first, then outdated (largest first), then missing"))
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--state <list>", `comma-separated states to list (${STATUS_STATES.join(", ")}; default: all but current); repeatable`, collectStates, [])
    .option("--write-key [key]", "write the outdated flag into each translation's front matter: true when outdated, removed when not (default key: keys.drifted)")
    .option("--check", "with --write-key: write nothing, exit 1 when a written flag is stale")
    .option("--dry-run", "with --write-key: print what would change; write nothing")
    .action(async (flags: StatusFlags) => {
      if ((flags.check || flags.dryRun) && flags.writeKey === undefined) throw new DriftError("USAGE", "--check and --dry-run go with --write-key");
      if (flags.writeKey !== undefined) return writeFlags(flags, io, outcome);
      const states = flags.state.length > 0 ? (flags.state as StatusState[]) : undefined;
      const status = await workStatus({ ...commonCheckOptions(flags, io), ...(states && { states }) });
      io.stdout(flags.format === "json" ? jsonText(status) : formatWorkStatus(status, { color: useColor(io) }));
    });
}

/**
 * The outdated flag a site's banner reads, kept in step with the states `check` gives: `true` on
 * an outdated translation (broken ones that are behind too), removed from current and broken-only
 * ones; missing, unreadable and untracked translations are left alone.
 */
async function writeFlags(flags: StatusFlags, io: CliIo, outcome: CommandOutcome): Promise<void> {
  const options = commonCheckOptions(flags, io);
  const run = await resolveRun(options);
  const key = flags.writeKey === true ? run.config.keys?.drifted : flags.writeKey;
  if (key === undefined || key === "") throw new DriftError("USAGE", "--write-key needs a key, or `keys.drifted` in the configuration (such as drifted_from_default)");
  const status = await workStatus({ ...options, states: ["current", "outdated", "broken"] });
  const plan = await planFlags(run.layout, key, status.entries.map((entry) => ({ file: entry.file, outdated: entry.outdated })));
  if (flags.check) {
    for (const change of plan.changes) io.stdout(`${visibleControls(`${change.file}:${change.line}  stale  ${key} should be ${change.change === "removed" ? "absent (the translation is current)" : "true (the translation is outdated)"}`)}\n`);
    for (const refusal of plan.refused) io.stderr(`l10n-drift: EDIT_REFUSED ${visibleControls(`${refusal.file} ${refusal.message} (${refusal.file}:${refusal.line})`)}\n`);
    io.stdout(plan.changes.length === 0 ? `✔ every \`${key}\` flag matches its translation's state\n` : `✖ ${plan.changes.length} stale \`${key}\` ${plan.changes.length === 1 ? "flag" : "flags"}; run \`l10n-drift status --write-key ${key}\`\n`);
    outcome.exitCode = plan.refused.length > 0 ? 2 : plan.changes.length > 0 ? 1 : 0;
    return;
  }
  await applyPlan(plan, options.root, flags.dryRun === true, io, outcome);
  if (plan.changes.length === 0) io.stdout(`every \`${key}\` flag matches its translation's state\n`);
}

function collectStates(value: string, previous: string[]): string[] {
  const states = collectList(value, previous);
  const unknown = states.find((state) => !(STATUS_STATES as readonly string[]).includes(state));
  if (unknown !== undefined) throw new InvalidArgumentError(`unknown state \`${unknown}\`; the states are ${STATUS_STATES.join(", ")}`);
  return states;
}

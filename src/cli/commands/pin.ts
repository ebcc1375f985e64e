import type { Command } from "commander";
import path from "node:path";
import { resolveRun } from "../../engine/resolve-run.js";
import { DriftError } from "../../errors.js";
import { planPins, rootRelative, unpinnedTranslations, type EditPlan, type KeyChange } from "../../history/pin.js";
import { visibleControls } from "../../reporters/escape.js";
import { writeFileAtomic } from "../../util/atomic-write.js";
import type { CliIo, CommandOutcome } from "../io.js";
import { commonCheckOptions, withCommonOptions, type CommonFlags } from "../options.js";

interface PinFlags extends CommonFlags {
  commit: string;
  dryRun?: boolean;
  missing?: boolean;
}

/**
 * `pin`: after a translator has caught up, writes the source commit into each translation's
 * front matter (the one line; every other byte stays). There is no "pin everything outdated":
 * a pin must follow a real update. `--missing` lists translations without a pin instead.
 */
export function registerPin(program: Command, io: CliIo, outcome: CommandOutcome): void {
  withCommonOptions(program.command("pin").description("write the source commit into translations' front matter, after they were updated; --missing lists those without one"))
    .argument("[translation...]", "translation files to pin")
    .option("--commit <ref>", "the source commit the translations now match", "HEAD")
    .option("--dry-run", "print what would change; write nothing")
    .option("--missing", "list the translations without a source-commit pin (OpenTelemetry's check-i18n.sh -n)")
    .action(async (translations: string[], flags: PinFlags) => {
      const options = commonCheckOptions(flags, io);
      const run = await resolveRun(options);
      const locales = run.locales;
      if (flags.missing) {
        if (translations.length > 0) throw new DriftError("USAGE", "--missing takes no files");
        const unpinned = await unpinnedTranslations(run.layout, locales);
        for (const file of unpinned) io.stdout(`${visibleControls(file)}\n`);
        io.stdout(`${unpinned.length} ${unpinned.length === 1 ? "translation has" : "translations have"} no \`${run.layout.keys.sourceCommit.join("`, `")}\`\n`);
        return;
      }
      if (translations.length === 0) throw new DriftError("USAGE", "name the translations to pin (there is no pinning of everything: a pin must follow a real update)");
      const files = translations.map((typed) => rootRelative(options.root, io.cwd, typed));
      const plan = await planPins(run.layout, files, flags.commit);
      await applyPlan(plan, options.root, flags.dryRun === true, io, outcome);
    });
}

/** Writes each changed file atomically (none on a dry run), prints every change and every refusal. */
export async function applyPlan(plan: EditPlan, root: string, dryRun: boolean, io: CliIo, outcome: CommandOutcome): Promise<void> {
  for (const [file, text] of plan.writes) {
    if (!dryRun) await writeFileAtomic(path.join(root, file), text);
  }
  for (const change of plan.changes) io.stdout(`${visibleControls(describeChange(change, dryRun))}\n`);
  for (const refusal of plan.refused) io.stderr(`l10n-drift: EDIT_REFUSED ${visibleControls(`${refusal.file} ${refusal.message}; left as it is (${refusal.file}:${refusal.line})`)}\n`);
  if (plan.refused.length > 0) outcome.exitCode = 2;
}

function describeChange(change: KeyChange, dryRun: boolean): string {
  const verb = { added: dryRun ? "would add" : "added", updated: dryRun ? "would update" : "updated", removed: dryRun ? "would remove" : "removed", unchanged: "unchanged" }[change.change];
  const value = change.change === "removed" ? `${change.key} (was ${change.previous ?? ""})` : change.change === "updated" ? `${change.key}: ${change.previous ?? ""} → ${change.value ?? ""}` : `${change.key}: ${change.value ?? ""}`;
  return `${change.file}:${change.line}  ${verb.padEnd(dryRun ? 12 : 9)} ${value}`;
}

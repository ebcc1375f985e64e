import { check, type CheckOptions, type Finding, type Report } from "../../src/index.js";
import { makeTree } from "../support/fixtures.js";

/** A source article with one anchored section; the Swedish translation is fine. */
export const SOURCE = "---\ntitle: Guide\nms.date: 10/07/2020\n---\n\n# Guide\n\n## <a name=\"setup\"></a>Set up\nInstall the tool.\n";
export const GOOD_TRANSLATION = "---\ntitle: Guide\nms.date: 10/07/2020\n---\n\n# Guide\n\n## <a name=\"setup\"></a>Installera\nInstallera verktyget.\n";

export const SOURCE_FILE = "articles/guide.md";
export const HOSTILE_FILE = "locales/de/guide.md";
export const GOOD_FILE = "locales/sv/guide.md";

/** A tree whose German translation is `hostile`, next to a sound Swedish one. */
export async function treeWithTranslation(hostile: string | Uint8Array, extra: Record<string, string | Uint8Array> = {}): Promise<string> {
  return makeTree({ [SOURCE_FILE]: SOURCE, [HOSTILE_FILE]: hostile, [GOOD_FILE]: GOOD_TRANSLATION, ...extra });
}

export type FindingFacts = Pick<Finding, "ruleId" | "file" | "message"> & { line?: number };

/** The findings of one file, reduced to what the tests pin: rule, file, line and message. */
export function findingsOf(report: Report, file: string): FindingFacts[] {
  return report.findings
    .filter((finding) => finding.file === file)
    .map((finding) => ({ ruleId: finding.ruleId, file: finding.file, ...(finding.line !== undefined && { line: finding.line }), message: finding.message }));
}

/**
 * Checks the tree and asserts that the run went on: the Swedish translation was read and has no
 * findings. Returns the report for the hostile file's expectations.
 */
export async function checkAndExpectTheRestChecked(root: string, options: Omit<CheckOptions, "root"> = {}): Promise<Report> {
  const report = await check({ root, ...options });
  if (report.summary.byLocale.sv?.translations !== 1 || findingsOf(report, GOOD_FILE).length > 0) {
    throw new Error(`the sound translation was not checked cleanly: ${JSON.stringify(findingsOf(report, GOOD_FILE))}`);
  }
  return report;
}

export function cannotRead(line: number | undefined, reason: string): FindingFacts {
  return { ruleId: "parse-error", file: HOSTILE_FILE, ...(line !== undefined && { line }), message: `Cannot read this file: ${reason}.` };
}

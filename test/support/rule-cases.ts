import { cp, readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { check, type Finding } from "../../src/index.js";
import { FIXTURES, fixtureCases, makeTree } from "./fixtures.js";
import { makeRepo } from "./git.js";

type ExpectedFinding = Pick<Finding, "ruleId" | "severity" | "locale" | "file"> & Partial<Pick<Finding, "line" | "anchor">>;

/** A case's earlier commits: files written (null: deleted) before the case's own tree is committed. */
interface CaseHistory {
  commits: Array<{ message: string; files: Record<string, string | null> }>;
  /** Files the last commit deletes; git's rename detection pairs them with added ones. */
  remove?: string[];
  /** Message of the last commit, which adds the case's tree as it is. */
  message: string;
}

/**
 * One test per case folder under test/fixtures/<ruleId>/: a new folder is a new test. Each case is a
 * mini project; its expected.json lists the rule's findings exactly (rule, severity, locale, file,
 * line, anchor). A case with a history.json is checked in a fresh git repository holding those
 * commits and then the case's tree; any other case is checked in a copy outside any repository,
 * so that this project's own history never leaks in. Every case runs twice and must give
 * byte-identical reports.
 */
export async function describeRuleCases(ruleId: string): Promise<void> {
  for (const name of await fixtureCases(ruleId)) {
    it(`${ruleId}: ${name}`, async () => {
      const caseDir = path.join(FIXTURES, ruleId, name);
      const expected = JSON.parse(await readFile(path.join(caseDir, "expected.json"), "utf8")) as { findings: ExpectedFinding[] };
      const root = await materialize(caseDir);
      const report = await check({ root });
      const actual = report.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => pick(finding, expected.findings[0]));
      expect(actual).toEqual(expected.findings.map((finding) => pick(finding as Finding, finding)));
      for (const finding of report.findings) expect(finding.message).not.toContain("\n");
      expect(JSON.stringify(await check({ root }))).toBe(JSON.stringify(report));
    });
  }
}

async function materialize(caseDir: string): Promise<string> {
  const historyFile = path.join(caseDir, "history.json");
  if (!existsSync(historyFile)) {
    const root = await makeTree({});
    await cp(caseDir, root, { recursive: true });
    return root;
  }
  const history = JSON.parse(await readFile(historyFile, "utf8")) as CaseHistory;
  const repo = await makeRepo();
  for (const commit of history.commits) await repo.commit(commit.message, commit.files);
  for (const folder of ["articles", "locales"]) {
    if (existsSync(path.join(caseDir, folder))) await cp(path.join(caseDir, folder), path.join(repo.root, folder), { recursive: true });
  }
  await repo.commit(history.message, Object.fromEntries((history.remove ?? []).map((file) => [file, null])));
  return repo.root;
}

/** The fields an expectation names; a case with no findings compares the default set. */
function pick(finding: Finding, shape: ExpectedFinding | undefined): ExpectedFinding {
  const keys = shape ? (Object.keys(shape) as Array<keyof ExpectedFinding>) : (["ruleId", "severity", "locale", "file", "line", "anchor"] as const);
  const picked: Record<string, unknown> = {};
  for (const key of keys) if (finding[key] !== undefined) picked[key] = finding[key];
  return picked as ExpectedFinding;
}

import { cp, readdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { check, type Finding } from "../../src/index.js";
import { FIXTURES, fixtureCases, makeTree } from "./fixtures.js";
import { makeRepo } from "./git.js";

/** What an expectation states of each finding, in this order: everything but data and the fingerprint. */
const COMPARED = ["ruleId", "messageId", "severity", "cause", "locale", "file", "line", "column", "anchor", "key", "message"] as const;
type ExpectedFinding = Partial<Pick<Finding, (typeof COMPARED)[number]>>;

/** A case's earlier commits: files written (null: deleted) before the case's own tree is committed. */
interface CaseHistory {
  commits: Array<{ message: string; files: Record<string, string | null> }>;
  /** Files the last commit deletes; git's rename detection pairs them with added ones. */
  remove?: string[];
  /** Message of the last commit, which adds the case's tree as it is. */
  message: string;
  /** Check the last commit as a change (`--changed-since`), such as `HEAD~1`. */
  changedSince?: string;
}

/**
 * One test per case folder under test/fixtures/<ruleId>/: a new folder is a new test. Each case is a
 * mini project; its expected.json lists the rule's findings exactly (every field but data and the
 * fingerprint; an absent line, column or anchor must be absent). A case with a history.json is
 * checked in a fresh git repository holding those commits and then the case's tree; any other case
 * is checked in a copy outside any repository, so that this project's own history never leaks in.
 * Every case runs twice and must give byte-identical reports. `UPDATE_EXPECTED=1` rewrites the
 * expectations from what the rule reports (review the diff).
 */
export async function describeRuleCases(ruleId: string): Promise<void> {
  for (const name of await fixtureCases(ruleId)) {
    it(`${ruleId}: ${name}`, async () => {
      const caseDir = path.join(FIXTURES, ruleId, name);
      const expectedFile = path.join(caseDir, "expected.json");
      const { root, changedSince } = await materialize(caseDir);
      const report = await check({ root, ...(changedSince !== undefined && { changedSince }) });
      const actual = report.findings.filter((finding) => finding.ruleId === ruleId).map(pick);
      if (process.env.UPDATE_EXPECTED === "1") await writeFile(expectedFile, `${JSON.stringify({ findings: actual }, null, 2)}\n`);
      const expected = JSON.parse(await readFile(expectedFile, "utf8")) as { findings: ExpectedFinding[] };
      expect(actual).toEqual(expected.findings);
      for (const finding of report.findings) expect(finding.message).not.toContain("\n");
      expect(JSON.stringify(await check({ root, ...(changedSince !== undefined && { changedSince }) }))).toBe(JSON.stringify(report));
    });
  }
}

/** Messages of the rule that the rule's fixture cases expect. */
export async function expectedMessageIds(ruleId: string): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const name of await fixtureCases(ruleId)) {
    const expected = JSON.parse(await readFile(path.join(FIXTURES, ruleId, name, "expected.json"), "utf8")) as { findings: ExpectedFinding[] };
    for (const finding of expected.findings) if (finding.messageId !== undefined) ids.add(finding.messageId);
  }
  return ids;
}

/**
 * The case's tree, in a repository when it has a history. In a history's files and the case's own,
 * `{commit:N}` stands for the id of its Nth commit (1-based), so that pins can name them.
 */
async function materialize(caseDir: string): Promise<{ root: string; changedSince?: string }> {
  const historyFile = path.join(caseDir, "history.json");
  if (!existsSync(historyFile)) {
    const root = await makeTree({});
    await cp(caseDir, root, { recursive: true });
    return { root };
  }
  const history = JSON.parse(await readFile(historyFile, "utf8")) as CaseHistory;
  const repo = await makeRepo();
  const commits: string[] = [];
  const withCommits = (text: string) => text.replace(/\{commit:(\d+)\}/g, (whole, index: string) => commits[Number(index) - 1] ?? whole);
  for (const commit of history.commits) {
    const files = Object.fromEntries(Object.entries(commit.files).map(([file, text]) => [file, text === null ? null : withCommits(text)]));
    commits.push(await repo.commit(commit.message, files));
  }
  for (const entry of ["articles", "locales", "l10n-drift.config.json"]) {
    if (existsSync(path.join(caseDir, entry))) await cp(path.join(caseDir, entry), path.join(repo.root, entry), { recursive: true });
  }
  for (const file of await listFiles(path.join(repo.root, "locales"))) {
    const text = await readFile(file, "utf8");
    if (withCommits(text) !== text) await writeFile(file, withCommits(text));
  }
  await repo.commit(history.message, Object.fromEntries((history.remove ?? []).map((file) => [file, null])));
  return { root: repo.root, ...(history.changedSince !== undefined && { changedSince: history.changedSince }) };
}

async function listFiles(directory: string): Promise<string[]> {
  if (!existsSync(directory)) return [];
  const entries = await readdir(directory, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

function pick(finding: Finding): ExpectedFinding {
  const picked: Record<string, unknown> = {};
  for (const key of COMPARED) if (finding[key] !== undefined) picked[key] = finding[key];
  return picked as ExpectedFinding;
}

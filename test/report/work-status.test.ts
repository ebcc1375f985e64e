import { describe, expect, it } from "vitest";
import { check, workStatus, type StatusState } from "../../src/index.js";
import { formatWorkStatus } from "../../src/reporters/worklist.js";
import { makeRepo } from "../support/git.js";

const page = (title: string, sections: string[]) => `# ${title}\n\nIntro.\n${sections.map((name) => `\n## <a name="${name.toLowerCase()}"></a>${name}\n\nText about ${name}.\n`).join("")}`;
const german = (title: string, sections: string[]) => `# ${title} (de)\n\nEinleitung.\n${sections.map((name) => `\n## <a name="${name.toLowerCase()}"></a>${name} auf Deutsch\n\nDeutscher Text über ${name}.\n`).join("")}`;

/**
 * One German translation in each state: `broken.md` lacks a section its baseline had, `big.md`
 * and `small.md` are behind (three sections added, one), `ok.md` is current, `new.md` missing.
 */
async function statusRepo(): Promise<string> {
  const repo = await makeRepo();
  await repo.commit("Add the sources", {
    "articles/broken.md": page("Broken", ["Setup", "Usage"]),
    "articles/big.md": page("Big", ["Setup"]),
    "articles/small.md": page("Small", ["Setup"]),
    "articles/ok.md": page("Ok", ["Setup"]),
  });
  await repo.commit("Translate into German", {
    "locales/de/broken.md": german("Broken", ["Setup"]),
    "locales/de/big.md": german("Big", ["Setup"]),
    "locales/de/small.md": german("Small", ["Setup"]),
    "locales/de/ok.md": german("Ok", ["Setup"]),
  });
  await repo.commit("Add sections", { "articles/big.md": page("Big", ["Setup", "Limits", "Quotas", "Pricing"]), "articles/new.md": page("New", ["Setup"]) });
  await repo.commit("Add a section", { "articles/small.md": page("Small", ["Setup", "Limits"]) });
  return repo.root;
}

describe("status", () => {
  it("ranks broken first, then outdated largest first, then missing, with the states check gives", async () => {
    const root = await statusRepo();
    const status = await workStatus({ root, workers: 0 });
    expect(status.locales).toEqual({ de: { broken: 1, outdated: 2, missing: 1, unreadable: 0, untracked: 0, current: 1 } });
    expect(status.entries.map((entry) => [entry.state, entry.file, entry.lines, entry.commitsBehind])).toEqual([
      ["broken", "locales/de/broken.md", 0, 0],
      ["outdated", "locales/de/big.md", 9, 1],
      ["outdated", "locales/de/small.md", 3, 1],
      ["missing", "locales/de/new.md", 8, undefined],
    ]);
    // The same states as the report of `check`.
    const report = await check({ root, workers: 0 });
    const states = Object.fromEntries(report.articles.flatMap((article) => article.translations.map((translation) => [translation.file, translation.state])));
    for (const entry of status.entries) expect(states[entry.file], entry.file).toBe(entry.state);

    expect(formatWorkStatus(status, { color: false })).toBe(
      [
        "de  1 broken, 2 outdated, 1 missing, 1 current",
        "  broken                  locales/de/broken.md  1 translation error (`l10n-drift check` lists them)",
        "  outdated       9 lines  locales/de/big.md  3 added, 1 commit behind",
        "  outdated       3 lines  locales/de/small.md  1 added, 1 commit behind",
        "  missing        8 lines  locales/de/new.md  no translation",
        "",
      ].join("\n"),
    );
  });

  it("--state filters, and current ones are listed only when asked for", async () => {
    const root = await statusRepo();
    const entries = async (states: StatusState[]) => (await workStatus({ root, workers: 0, states })).entries.map((entry) => `${entry.state} ${entry.file}`);
    expect(await entries(["outdated", "broken"])).toEqual(["broken locales/de/broken.md", "outdated locales/de/big.md", "outdated locales/de/small.md"]);
    expect(await entries(["missing"])).toEqual(["missing locales/de/new.md"]);
    expect(await entries(["current"])).toEqual(["current locales/de/ok.md"]);
  });
});

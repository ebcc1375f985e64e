import { describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { makeRepo } from "../support/git.js";

const SOURCE = "---\ntitle: Using components\n---\n\n# Using components\n\nText.\n";
const RETITLED = "---\ntitle: Using Components\n---\n\n# Using components\n\nText.\n";
const TRANSLATION = "---\ntitle: Komponenten verwenden\n---\n\n# Komponenten verwenden\n\nText.\n";

async function retitledRepo(config?: string) {
  const repo = await makeRepo();
  await repo.commit("Add the article", { "articles/using.md": SOURCE, ...(config !== undefined && { "l10n-drift.config.json": config }) });
  await repo.commit("Translate it", { "locales/de/using.md": TRANSLATION });
  await repo.commit("[i18nIgnore] Match title case convention", { "articles/using.md": RETITLED });
  return repo.root;
}

describe("history.skipMarkers in the configuration", () => {
  it("leaves out commits the team marks, as Starlight marks [i18nIgnore]", async () => {
    const report = await check({ root: await retitledRepo('{ "history": { "skipMarkers": ["[i18nIgnore]"] } }\n') });
    expect(report.articles[0]!.translations.map(({ locale, state }) => ({ locale, state }))).toEqual([{ locale: "de", state: "current" }]);
    expect(report.findings.filter((finding) => finding.ruleId === "stale-source")).toEqual([]);
  });

  it("counts the commit without the marker configured: a translated title changed", async () => {
    const report = await check({ root: await retitledRepo() });
    const [translation] = report.articles[0]!.translations;
    expect(translation!.state).toBe("outdated");
    expect(translation!.work?.frontMatter).toEqual(["title"]);
  });
});

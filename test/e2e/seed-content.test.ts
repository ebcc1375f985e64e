import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { check, type Finding } from "../../src/index.js";
import { makeTree, readSeed, REPO_ROOT } from "../support/fixtures.js";

const ARTICLE = "expressroute/expressroute-connectivity-models.md";

/** The bundled English source: the current version of the article the seeds translate. */
function englishSource(): Promise<string> {
  return readFile(path.join(REPO_ROOT, "articles", ARTICLE), "utf8");
}

function brief(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.ruleId} ${finding.severity} ${finding.locale} ${finding.file}:${finding.line}:${finding.column}`);
}

describe("content rules on the seed translations", () => {
  it("flag the old English seed placed as a Dutch translation: English text, mojibake, absolute image URL", async () => {
    const root = await makeTree({ [`articles/${ARTICLE}`]: await englishSource(), [`locales/nl/${ARTICLE}`]: await readSeed("oldEnglish") });
    const report = await check({ root });
    const picked = report.findings.filter((finding) => ["untranslated", "encoding", "image-drift"].includes(finding.ruleId));
    expect(brief(picked)).toEqual([
      `untranslated error nl locales/nl/${ARTICLE}:24:1`,
      `image-drift warning nl locales/nl/${ARTICLE}:28:1`,
      `encoding warning nl locales/nl/${ARTICLE}:31:155`,
    ]);
    expect(picked[1]?.message).toBe(
      "The image `https://docstestmedia1.blob.core.windows.net/azure-media/articles/expressroute/media/expressroute-connectivity-models/expressroute-connectivity-models-diagram.png` is an absolute URL to the file the source links as `./media/expressroute-connectivity-models/expressroute-connectivity-models-diagram.png`; expected the source's form.",
    );
    expect(picked[2]?.message).toBe("`â€™` is `’` in UTF-8 read as Windows-1252; expected `’`.");
  });

  it("find no untranslated text in the four real translations, as a whole or in any section", async () => {
    const root = await makeTree({
      [`articles/${ARTICLE}`]: await englishSource(),
      [`locales/de/${ARTICLE}`]: await readSeed("de"),
      [`locales/sv/${ARTICLE}`]: await readSeed("sv"),
      [`locales/nl/${ARTICLE}`]: await readSeed("nl"),
      [`locales/zh/${ARTICLE}`]: await readSeed("zh"),
    });
    const report = await check({ root });
    expect(report.findings.filter((finding) => finding.ruleId === "untranslated" || finding.ruleId === "encoding")).toEqual([]);
    expect(report.findings.filter((finding) => finding.ruleId === "machine-translated").map((finding) => finding.locale)).toEqual(["nl", "sv", "zh"]);
  });
});

import { describe, expect, it } from "vitest";
import { check, workStatus } from "../../src/index.js";
import { formatMarkdown } from "../../src/reporters/markdown.js";
import { formatStatus } from "../../src/reporters/status.js";
import { makeTree } from "../support/fixtures.js";

const NAMES = ["__proto__", "constructor", "toString"] as const;
const FRONT_MATTER = "__proto__: a\nconstructor: b\ntoString: c\n";
const source = `---\ntitle: Guide\nms.date: 10/07/2020\n${FRONT_MATTER}---\n\n# Guide\n\n## <a name="setup"></a>Set up\nInstall.\n`;
const translation = (toString: string) => `---\ntitle: Guide\nms.date: 10/07/2020\n__proto__: a\nconstructor: b\ntoString: ${toString}\n---\n\n# Guide\n\n## <a name="setup"></a>Einrichten\nInstallieren.\n`;

describe("names that are Object.prototype's own", () => {
  it("`__proto__`, `constructor` and `toString` work as locale, article and front matter key names", async () => {
    const files: Record<string, string> = {
      "l10n-drift.config.json": JSON.stringify({ rules: { "metadata-drift": ["warning", { equalKeys: [...NAMES] }] } }),
    };
    for (const article of NAMES) {
      files[`articles/${article}.md`] = source;
      for (const locale of NAMES) files[`locales/${locale}/${article}.md`] = translation(locale === "toString" && article === "constructor" ? "changed" : "c");
    }
    const root = await makeTree(files);
    const report = await check({ root });
    expect(Object.keys(report.summary.byLocale)).toEqual(["__proto__", "constructor", "toString"]);
    expect(Object.values(report.summary.byLocale).map((summary) => summary.translations)).toEqual([3, 3, 3]);
    expect(report.summary.translations).toBe(9);
    expect(report.articles.map((article) => article.article)).toEqual(["__proto__.md", "constructor.md", "toString.md"]);
    expect(report.findings.filter((finding) => finding.ruleId === "metadata-drift").map(({ file, line, message }) => ({ file, line, message }))).toEqual([
      { file: "locales/toString/constructor.md", line: 6, message: "`toString` is `changed`; expected `c`, as in the source." },
    ]);
    expect(Object.keys((JSON.parse(formatStatus(report)) as { pages: Array<{ translations: Record<string, unknown> }> }).pages[0]!.translations)).toEqual(["__proto__", "constructor", "toString"]);
    expect(formatMarkdown(report)).toContain("| &#95;&#95;proto&#95;&#95; | 3 | 0 | 0 | 0 | 100% |");
    const status = await workStatus({ root });
    expect(Object.keys(status.locales)).toEqual(["__proto__", "constructor", "toString"]);
  });
});

describe("directories whose names hold line breaks", () => {
  it("documents under a directory named with LF or CR are found and paired, not skipped", async () => {
    const root = await makeTree({
      "articles/a\nb/guide.md": source,
      "articles/c\rd/guide.md": source,
      "articles/e\r\nf/g\nh/guide.md": source,
      "locales/de/a\nb/guide.md": translation("c"),
      "locales/de/c\rd/guide.md": translation("c"),
    });
    const report = await check({ root, history: false });
    expect(report.articles.map((article) => article.article)).toEqual(["a\nb/guide.md", "c\rd/guide.md", "e\r\nf/g\nh/guide.md"]);
    expect(report.articles.map((article) => article.translations.map((outline) => [outline.file, outline.state]))).toEqual([
      [["locales/de/a\nb/guide.md", "current"]],
      [["locales/de/c\rd/guide.md", "current"]],
      [["locales/de/e\r\nf/g\nh/guide.md", "missing"]],
    ]);
  });
});

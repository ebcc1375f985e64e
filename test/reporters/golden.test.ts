import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/model/report.js";
import { formatGithub } from "../../src/reporters/github.js";
import { formatHtml } from "../../src/reporters/html.js";
import { formatJson } from "../../src/reporters/json.js";
import { formatMarkdown } from "../../src/reporters/markdown.js";
import { formatSarif } from "../../src/reporters/sarif.js";
import { formatText } from "../../src/reporters/text.js";
import { RULES } from "../../src/rules/index.js";
import { REPO_ROOT } from "../support/fixtures.js";
import { bundledReport, edgeReport } from "../support/reports.js";

const GOLDEN = path.join(REPO_ROOT, "test/reporters/golden");

/** Every format, by its golden file's name. */
const FORMATS: Record<string, (report: Report) => string> = {
  "text.txt": (report) => formatText(report, { color: false }),
  "text-color.txt": (report) => formatText(report, { color: true }),
  "json.json": formatJson,
  "markdown.md": (report) => formatMarkdown(report),
  "sarif.sarif": (report) => formatSarif(report, { rules: RULES }),
  "github.txt": formatGithub,
  "html.html": (report) => formatHtml(report, { rules: RULES }),
};

/** Compares with the golden file; `UPDATE_GOLDEN=1 npx vitest run test/reporters` rewrites them. */
async function expectGolden(name: string, actual: string): Promise<void> {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === "1") {
    await mkdir(GOLDEN, { recursive: true });
    await writeFile(file, actual);
    return;
  }
  const expected = await readFile(file, "utf8").catch(() => undefined);
  expect(expected, `test/reporters/golden/${name} is missing: run UPDATE_GOLDEN=1 npx vitest run test/reporters`).toBeDefined();
  expect(actual, `test/reporters/golden/${name} differs; if the change is intended, run UPDATE_GOLDEN=1 npx vitest run test/reporters`).toBe(expected);
}

describe("every format on the bundled example", async () => {
  const report = await bundledReport();
  for (const [name, format] of Object.entries(FORMATS)) {
    it(`matches golden/bundled-${name}`, async () => {
      await expectGolden(`bundled-${name}`, format(report));
    });
  }
});

describe("every format on a hand-built report with hostile text", () => {
  for (const [name, format] of Object.entries(FORMATS)) {
    it(`matches golden/edge-${name}`, async () => {
      await expectGolden(`edge-${name}`, format(edgeReport()));
    });
  }
});

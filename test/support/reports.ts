import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { check } from "../../src/index.js";
import type { Finding } from "../../src/model/finding.js";
import type { Report } from "../../src/model/report.js";
import { REPO_ROOT } from "./fixtures.js";

export const SARIF_SCHEMA = path.join(REPO_ROOT, "node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json");
export const REPORT_SCHEMA = path.join(REPO_ROOT, "schema/report.schema.json");

/**
 * The bundled example's report, as `npm start` builds it but without git history: what history
 * says depends on how the repository was cloned (full, shallow, not at all), goldens must not.
 */
export function bundledReport(): Promise<Report> {
  return check({ root: REPO_ROOT, history: false });
}

/**
 * Compiles a draft-07 schema with formats checked. `strict` off is for schemas this project does
 * not own: the SARIF schema has a language pattern (`…]?$`) that only non-Unicode regexps accept.
 */
export function compileSchema(file: string, strict = true): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict, unicodeRegExp: strict });
  addFormats.default(ajv);
  return ajv.compile(asDraft07(JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>));
}

/**
 * The SARIF schema declares draft-04, which Ajv 8 does not read; it uses nothing that changed
 * meaning since (no boolean `exclusiveMinimum`), so only its `id` becomes `$id`.
 */
function asDraft07(schema: Record<string, unknown>): Record<string, unknown> {
  if (schema.$schema !== "http://json-schema.org/draft-04/schema#") return schema;
  const { id, ...rest } = schema;
  return { ...rest, $schema: "http://json-schema.org/draft-07/schema#", $id: id };
}

export const HOSTILE_TITLE = `Setup <script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2"> *bold* | pipe \`tick\` </script><!-- & %0A`;

/**
 * A report no tree gives: document text with markup, pipes, backticks and workflow-command
 * separators, an orphan translation, a finding without a line, and an info finding.
 */
export function edgeReport(): Report {
  const article = "guide/setup.md";
  const findings: Finding[] = [
    {
      ruleId: "missing-section",
      messageId: "missing-after",
      severity: "error",
      cause: "translation",
      locale: "fr",
      article,
      file: "locales/fr/guide/setup.md",
      line: 3,
      column: 1,
      anchor: "setup",
      key: "setup",
      message: `Section \`${HOSTILE_TITLE}\` (\`#setup\`) is missing; add it after \`Intro\` (\`#intro\`), as in the source.`,
      related: [{ file: "articles/guide/setup.md", line: 5, column: 1, message: "The section in the source." }],
      fingerprint: "0123456789abcdef0123456789abcdef",
    },
    { ruleId: "missing-translation", messageId: "missing", severity: "warning", cause: "upstream", locale: "ja", article, file: "articles/guide/setup.md", key: "locales/ja/guide/setup.md", message: "No translation at `locales/ja/guide/setup.md`, 50% done, a:b,c.", fingerprint: "1123456789abcdef0123456789abcdef" },
    { ruleId: "orphan-translation", messageId: "orphan", severity: "info", cause: "upstream", locale: "fr", article: "old/gone.md", file: "locales/fr/old/gone.md", key: "articles/old/gone.md", message: "Line one\r\nline two \u001b[31mred", fingerprint: "2123456789abcdef0123456789abcdef", suppression: "known" },
  ];
  return {
    schemaVersion: 1,
    tool: { name: "l10n-drift", version: "0.0.0-test" },
    summary: {
      articles: 1,
      translations: 1,
      locales: 2,
      counts: { error: 1, warning: 1, info: 1 },
      states: { broken: 1, outdated: 0, missing: 1, unreadable: 0, untracked: 0, current: 0 },
      byLocale: {
        fr: { articles: 1, translations: 1, sourceSections: 2, translatedSections: 1, coveragePercent: 50, counts: { error: 1, warning: 0, info: 1 }, states: { broken: 1, outdated: 0, missing: 0, unreadable: 0, untracked: 0, current: 0 } },
        ja: { articles: 1, translations: 0, sourceSections: 2, translatedSections: 0, coveragePercent: 0, counts: { error: 0, warning: 1, info: 0 }, states: { broken: 0, outdated: 0, missing: 1, unreadable: 0, untracked: 0, current: 0 } },
      },
    },
    findings,
    articles: [
      {
        article,
        file: "articles/guide/setup.md",
        sections: [
          { anchor: "intro", title: "Intro", level: 1, line: 1 },
          { anchor: "setup", title: HOSTILE_TITLE, level: 2, line: 5 },
        ],
        translations: [
          {
            locale: "fr",
            file: "locales/fr/guide/setup.md",
            status: "translated",
            state: "broken",
            reasons: ["0123456789abcdef0123456789abcdef"],
            rows: [{ source: 0, translation: { anchor: "intro", title: `Introduction ${HOSTILE_TITLE}`, level: 1, line: 1 }, method: "anchor" }, { source: 1 }],
          },
          { locale: "ja", file: "locales/ja/guide/setup.md", status: "missing", state: "missing", reasons: [], rows: [] },
        ],
      },
    ],
  };
}

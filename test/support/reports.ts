import { readFileSync } from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { check } from "../../src/index.js";
import type { Finding } from "../../src/model/finding.js";
import type { Report } from "../../src/model/report.js";
import type { StateCounts, WorkList } from "../../src/model/state.js";
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

/** A file name a locale folder could hold: markup, a pipe, a backtick and workflow-command separators. */
export const HOSTILE_FILE = "locales/fr/old/<b>gone</b> | `x` a:b,c %0A.md";

/** The work list of the outdated (sv) translation: a history comparison naming the hostile section. */
export const EDGE_WORK: WorkList = {
  method: "pin",
  commit: "89abcdef0123456789abcdef0123456789abcdef",
  commitsBehind: 2,
  changedLines: 9,
  added: [],
  changed: [{ anchor: "setup", title: HOSTILE_TITLE, kinds: ["code", "link"] }],
  removed: [],
  frontMatter: ["title"],
  includes: ["includes/<b>note</b>|x.md"],
  outdatedSince: "2026-01-02",
};

/**
 * A report no tree gives, read with a file of known findings: a broken translation (fr) with a
 * new error and a known warning, an outdated one (sv) with a work list and a new upstream
 * finding, a missing one (ja, no finding: missing-translation is off by default), an orphan
 * translation at a hostile file name whose message holds a line break and an escape sequence,
 * and document text with markup, pipes, backticks and workflow-command separators.
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
      suppression: "new",
    },
    {
      ruleId: "link-drift",
      messageId: "missing-link",
      severity: "warning",
      cause: "translation",
      locale: "fr",
      article,
      file: "locales/fr/guide/setup.md",
      line: 7,
      column: 4,
      anchor: "intro",
      key: "intro:https://example.com/a|b",
      message: "`Introduction` has no link to `https://example.com/a|b?x=1,y:2`; expected one, 100% as in the source.",
      fingerprint: "0223456789abcdef0123456789abcdef",
      suppression: "known",
    },
    { ruleId: "orphan-translation", messageId: "orphan", severity: "info", cause: "upstream", locale: "fr", article: "old/gone.md", file: HOSTILE_FILE, line: 1, column: 1, key: "articles/old/gone.md", message: "Line one\r\nline two \u001b[31mred", fingerprint: "2123456789abcdef0123456789abcdef", suppression: "known" },
    {
      ruleId: "stale-source",
      messageId: "behind",
      severity: "warning",
      cause: "upstream",
      locale: "sv",
      article,
      file: "locales/sv/guide/setup.md",
      line: 1,
      column: 1,
      key: "behind",
      message: "The source changed in 2 commits since this translation's baseline `89abcde`: changed `#setup` (code, link); front matter `title`; include `includes/<b>note</b>|x.md` changed.",
      related: [{ file: "articles/guide/setup.md", line: 1, column: 1, message: "The source now." }],
      data: { ...EDGE_WORK, shortCommit: "89abcde" },
      fingerprint: "3123456789abcdef0123456789abcdef",
      suppression: "new",
    },
  ];
  const states = (counts: Partial<StateCounts>): StateCounts => ({ broken: 0, outdated: 0, missing: 0, unreadable: 0, untracked: 0, current: 0, ...counts });
  return {
    schemaVersion: 1,
    tool: { name: "l10n-drift", version: "0.0.0-test" },
    summary: {
      articles: 1,
      translations: 2,
      locales: 3,
      counts: { error: 1, warning: 2, info: 1 },
      states: states({ broken: 1, outdated: 1, missing: 1 }),
      byLocale: {
        fr: { articles: 1, translations: 1, sourceSections: 2, translatedSections: 1, coveragePercent: 50, counts: { error: 1, warning: 1, info: 1 }, states: states({ broken: 1 }) },
        ja: { articles: 1, translations: 0, sourceSections: 2, translatedSections: 0, coveragePercent: 0, counts: { error: 0, warning: 0, info: 0 }, states: states({ missing: 1 }) },
        sv: { articles: 1, translations: 1, sourceSections: 2, translatedSections: 2, coveragePercent: 100, counts: { error: 0, warning: 1, info: 0 }, states: states({ outdated: 1 }) },
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
            reasons: ["0123456789abcdef0123456789abcdef", "0223456789abcdef0123456789abcdef"],
            rows: [{ source: 0, translation: { anchor: "intro", title: `Introduction ${HOSTILE_TITLE}`, level: 1, line: 1 }, method: "anchor" }, { source: 1 }],
          },
          { locale: "ja", file: "locales/ja/guide/setup.md", status: "missing", state: "missing", reasons: [], rows: [] },
          {
            locale: "sv",
            file: "locales/sv/guide/setup.md",
            status: "translated",
            state: "outdated",
            reasons: ["3123456789abcdef0123456789abcdef"],
            work: EDGE_WORK,
            rows: [
              { source: 0, translation: { anchor: "intro", title: "Inledning", level: 1, line: 1 }, method: "anchor" },
              { source: 1, translation: { anchor: "setup", title: `Installation ${HOSTILE_TITLE}`, level: 2, line: 5 }, method: "anchor" },
            ],
          },
        ],
      },
    ],
    suppressions: { file: "drift-known.json", known: 2, new: 2, fixed: [] },
  };
}

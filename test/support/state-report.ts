import type { Finding } from "../../src/model/finding.js";
import type { ArticleOutline, Report, TranslationOutline } from "../../src/model/report.js";
import type { WorkList } from "../../src/model/state.js";
import { summarize } from "../../src/report/summary.js";

export const STATE_LOCALES = ["de", "fr", "ja", "ko", "pt", "sv"];

const SECTIONS = [
  { anchor: "intro", title: "Intro", level: 1, line: 1 },
  { anchor: "setup", title: "Setup", level: 2, line: 5 },
  { anchor: "new-part", title: "New part", level: 2, line: 9 },
];

/** Every section translated, by anchor, in order. */
function fullRows(locale: string): TranslationOutline["rows"] {
  return SECTIONS.map((section, source) => ({ source, translation: { ...section, title: `${section.title} (${locale})` }, method: "anchor" as const }));
}

const HISTORY_WORK: WorkList = {
  method: "pin",
  commit: "0123456789abcdef0123456789abcdef01234567",
  commitsBehind: 3,
  changedLines: 14,
  added: [{ anchor: "new-part", title: "New part" }],
  changed: [{ anchor: "setup", title: "Setup", kinds: ["code"] }],
  removed: [{ anchor: "old-part", title: "Old part" }],
  frontMatter: [],
  includes: [],
  outdatedSince: "2026-01-02",
};
const DATE_WORK: WorkList = { method: "date", added: [], changed: [], removed: [], frontMatter: [], includes: [], outdatedSince: "2025-12-01" };

function finding(article: string, locale: string, ruleId: string, line: number, cause: Finding["cause"], fingerprint: string, message: string, severity: Finding["severity"] = "warning"): Finding {
  const file = locale === "en" ? `articles/${article}` : `locales/${locale}/${article}`;
  return { ruleId, messageId: "m", severity, cause, locale, article, file, line, column: 1, key: fingerprint, message, fingerprint };
}

/**
 * A report no tree gives in one run: one article with a translation in each state (de current,
 * fr outdated by history, ja broken with two errors, ko broken and outdated by dates, pt missing,
 * sv unreadable), a second article (de outdated by dates only, pt missing, the rest current), a
 * problem in a source file (locale `en`) and an orphan translation.
 */
export function stateReport(): Report {
  const a = "guide/a.md";
  const b = "guide/b.md";
  const findings: Finding[] = [
    finding(a, "en", "encoding", 3, "translation", "f0000000000000000000000000000000", "Damaged text `â€™` for `’`."),
    finding(a, "fr", "stale-source", 1, "upstream", "f1000000000000000000000000000000", "The source changed since this translation's baseline `0123456`."),
    finding(a, "ja", "code-drift", 6, "translation", "f2000000000000000000000000000000", "Code block 1 differs from the source's."),
    finding(a, "ja", "link-drift", 7, "translation", "f2100000000000000000000000000000", "`Setup` has no link to `#intro`; expected one, as in the source."),
    finding(a, "ja", "machine-translated", 1, "translation", "f2200000000000000000000000000000", "Machine translated.", "info"),
    finding(a, "ko", "missing-section", 9, "translation", "f3000000000000000000000000000000", "Section `New part` (`#new-part`) is missing.", "error"),
    finding(a, "ko", "stale-date", 2, "upstream", "f3100000000000000000000000000000", "`ms.date` is older than the source's."),
    finding(a, "sv", "parse-error", 1, "translation", "f5000000000000000000000000000000", "Not UTF-8.", "error"),
    finding(b, "de", "stale-date", 2, "upstream", "f6000000000000000000000000000000", "`ms.date` is older than the source's."),
    finding("old/gone.md", "fr", "orphan-translation", 1, "translation", "f7000000000000000000000000000000", "No source article at `articles/old/gone.md`."),
  ];
  const translation = (article: string, locale: string, state: TranslationOutline["state"], extra: Partial<TranslationOutline> = {}): TranslationOutline => ({
    locale,
    file: `locales/${locale}/${article}`,
    status: state === "missing" ? "missing" : state === "unreadable" ? "unreadable" : "translated",
    state,
    reasons: [],
    rows: state === "missing" || state === "unreadable" ? [] : fullRows(locale),
    ...extra,
  });
  const articles: ArticleOutline[] = [
    {
      article: a,
      file: `articles/${a}`,
      sections: SECTIONS,
      translations: [
        translation(a, "de", "current"),
        translation(a, "fr", "outdated", { reasons: ["f1000000000000000000000000000000"], work: HISTORY_WORK, rows: fullRows("fr").slice(0, 2).concat([{ source: 2 }]) }),
        translation(a, "ja", "broken", { reasons: ["f2000000000000000000000000000000", "f2100000000000000000000000000000"] }),
        translation(a, "ko", "broken", { outdated: true, reasons: ["f3000000000000000000000000000000"], work: DATE_WORK, rows: fullRows("ko").slice(0, 2).concat([{ source: 2 }]) }),
        translation(a, "pt", "missing"),
        translation(a, "sv", "unreadable", { reasons: ["f5000000000000000000000000000000"] }),
      ],
    },
    {
      article: b,
      file: `articles/${b}`,
      sections: SECTIONS,
      translations: STATE_LOCALES.map((locale) =>
        locale === "de" ? translation(b, locale, "outdated", { reasons: ["f6000000000000000000000000000000"], work: DATE_WORK }) : translation(b, locale, locale === "pt" ? "missing" : "current"),
      ),
    },
  ];
  return { schemaVersion: 1, tool: { name: "l10n-drift", version: "0.0.0-test" }, summary: summarize(articles, STATE_LOCALES, findings), findings, articles };
}

import type { FindingDraft } from "../model/finding.js";
import type { FileContext, Rule } from "../model/rule.js";
import { sectionContent } from "../parse/section-content.js";
import { francLanguage, guessLanguage, languageText } from "./support/language.js";
import { describeSection } from "./support/sections.js";

interface UntranslatedOptions extends Record<string, unknown> {
  /** Fewest letters of prose for judging a whole document. */
  minDocumentLetters: number;
  /** Fewest letters of prose for judging one section; shorter sections are not judged. */
  minSectionLetters: number;
  /**
   * How clearly a section must read as the source language to be reported: franc's margin
   * between the two languages times the text's length (see `LanguageGuess.evidence`). Short
   * technical text, tables of product names above all, reads close to both languages.
   */
  minSectionEvidence: number;
}

/**
 * Text left in the source language. The prose (no code, URLs, inline code or product names) is
 * identified with franc, restricted to the two languages it can be in: the whole document, and
 * each section long enough to judge.
 */
export const untranslated: Rule<UntranslatedOptions> = {
  id: "untranslated",
  severity: "error",
  description: "A translation, or one of its sections (a warning), is written in the source language.",
  rationale:
    "A page or a section still in English was copied and never translated, or reverted to the source in a merge. The prose is judged alone (no code, URLs, inline code or product names), between the two languages it can be in.",
  messages: {
    document: "The text of this translation is in the source language (`{sourceLocale}`), not `{targetLocale}`; expected a translation.",
    section: "Section {section} is in the source language (`{sourceLocale}`), not `{targetLocale}`; expected it translated like the rest of the article.",
  },
  messageSeverity: { section: "warning" },
  options: { minDocumentLetters: 200, minSectionLetters: 100, minSectionEvidence: 10 },
  optionsSchema: {
    minDocumentLetters: { type: "integer", minimum: 1, description: "Fewest letters of prose for judging a whole document." },
    minSectionLetters: { type: "integer", minimum: 1, description: "Fewest letters of prose for judging one section; shorter sections are not judged." },
    minSectionEvidence: { type: "number", minimum: 0, description: "How clearly a section must read as the source language to be reported (franc's margin times the text's length)." },
  },
  examples: {
    bad: {
      source: "# Guide\n\nThis guide explains how to connect your network to the cloud service, which options you have, and what each of them costs. Read it before you order a circuit, because the choice is hard to change later on.\n",
      translation: "# Guide\n\nThis guide explains how to connect your network to the cloud service, which options you have, and what each of them costs. Read it before you order a circuit, because the choice is hard to change later on.\n",
    },
    good: {
      source: "# Guide\n\nThis guide explains how to connect your network to the cloud service, which options you have, and what each of them costs. Read it before you order a circuit, because the choice is hard to change later on.\n",
      translation: "# Anleitung\n\nDiese Anleitung erklärt, wie Sie Ihr Netzwerk mit dem Clouddienst verbinden, welche Möglichkeiten Sie haben und was jede davon kostet. Lesen Sie sie, bevor Sie eine Leitung bestellen, denn die Wahl lässt sich später nur schwer ändern.\n",
    },
  },
  checkFile({ document, isSource, locale, localeCode, sourceLocale, options }: FileContext<UntranslatedOptions>): FindingDraft[] {
    if (isSource) return [];
    const targetLocale = localeCode ?? locale;
    const source = francLanguage(sourceLocale);
    const target = francLanguage(targetLocale);
    if (source === undefined || target === undefined || source === target) return [];
    // Each section's text is cleaned once, for the whole document and for the section itself.
    const sections = document.sections.map((section) => ({ section, text: languageText(sectionContent(section).proseOutsideLinks) }));
    // Judged without link texts, like each section below: titles are linked as they were published.
    const whole = guessLanguage(sections.map((entry) => entry.text).join(" "), source, target, options.minDocumentLetters);
    const firstHeading = document.sections.find((section) => section.level > 0);
    if (whole?.language === source) {
      return [
        {
          messageId: "document",
          file: document.file,
          line: firstHeading?.line ?? 1,
          column: 1,
          key: "document",
          cause: "translation",
          data: { sourceLocale, targetLocale, language: source, expected: target },
        },
      ];
    }
    const findings: FindingDraft[] = [];
    // A section is judged without its link texts too: a list of talks and articles, linked by
    // their published titles, reads as the source language.
    for (const { section, text } of sections) {
      const guess = guessLanguage(text, source, target, options.minSectionLetters);
      if (guess?.language !== source || guess.evidence < options.minSectionEvidence) continue;
      const draft: FindingDraft = {
        messageId: "section",
        file: document.file,
        line: section.line,
        column: section.column,
        key: section.anchor,
        cause: "translation",
        data: { section: describeSection(section), sourceLocale, targetLocale, language: source, expected: target, title: section.title },
      };
      if (section.anchor !== "") draft.anchor = section.anchor;
      findings.push(draft);
    }
    return findings;
  },
};

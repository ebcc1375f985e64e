import type { Cause, FindingDraft } from "../model/finding.js";
import type { Pair } from "../model/pair.js";
import type { ParsedDocument } from "../model/document.js";
import type { Rule } from "../model/rule.js";
import { frontMatterKeyLine, frontMatterValue, sameFrontMatterValue, valuesToCopy } from "../parse/front-matter.js";

/** The metadata header Azure articles had before front matter: `<properties … />` `<tags … />`. */
const LEGACY_HEADER = /^\s*<(properties|tags)\s([^>]*?)\/?>/;
const LEGACY_ATTRIBUTE = /([\w.-]+)\s*=\s*"([^"]*)"/g;
/** Legacy attribute names that front matter spells otherwise. */
const LEGACY_NAMES: Readonly<Record<string, string>> = { pageTitle: "title", authors: "author" };

interface Metadata {
  values: Record<string, unknown>;
  lines: Record<string, number>;
}

interface MetadataDriftOptions extends Record<string, unknown> {
  /** Keys whose value a translation must copy from its source. */
  equalKeys: string[];
  /** Keys every translation must have. */
  requiredKeys: string[];
  /** Report, as `info`, keys of the translation the source does not have (off by default: old translations keep retired keys such as `manager`). */
  reportExtraKeys: boolean;
  /** Keys only translations have (the localization pipeline writes them): never extra. */
  translationOnlyKeys: string[];
}

/** Front matter a translation must carry over from its source unchanged. */
export const metadataDrift: Rule<MetadataDriftOptions> = {
  id: "metadata-drift",
  severity: "warning",
  description: "Front matter that must equal the source's differs or is missing, a required key is missing, or a key the source lacks is kept (info).",
  rationale:
    "Keys such as `ms.service` and `ms.topic` decide where a page is listed, how it is searched and who owns it; a translation that keeps an old value is filed elsewhere than its source.",
  messages: {
    missing: "`{key}` is missing; expected `{expected}`, as in the source.",
    differs: "`{key}` is `{value}`; expected `{expected}`, as in the source.",
    "required-missing": "The front matter has no `{key}`; expected one.",
    extra: "`{key}` is not in the source's metadata; expected it removed, as in the source.",
  },
  messageSeverity: { extra: "info" },
  options: {
    equalKeys: ["ms.service", "ms.topic", "services"],
    requiredKeys: [],
    reportExtraKeys: false,
    translationOnlyKeys: ["ms.openlocfilehash", "ms.sourcegitcommit", "ms.translationtype", "ms.contentlocale", "ms.lasthandoff", "ms.locfileid"],
  },
  optionsSchema: {
    equalKeys: { type: "array", items: { type: "string", minLength: 1 }, description: "Keys whose value a translation must copy from its source." },
    requiredKeys: { type: "array", items: { type: "string", minLength: 1 }, description: "Keys every translation must have." },
    reportExtraKeys: { type: "boolean", description: "Report (as info) keys of the translation that the source does not have." },
    translationOnlyKeys: { type: "array", items: { type: "string", minLength: 1 }, description: "Keys only translations have (written by the localization pipeline): never extra." },
  },
  examples: {
    bad: { source: "---\nms.topic: conceptual\n---\n\n# Guide\n\nText.\n", translation: "---\nms.topic: get-started-article\n---\n\n# Anleitung\n\nText.\n" },
    good: { source: "---\nms.topic: conceptual\n---\n\n# Guide\n\nText.\n", translation: "---\nms.topic: conceptual\nms.translationtype: HT\n---\n\n# Anleitung\n\nText.\n" },
  },
  checkPair(pair: Pair, { options, keys }): FindingDraft[] {
    const { values: source } = metadataOf(pair.source);
    const { values: translation, lines } = metadataOf(pair.translation);
    const baseline = pair.baseline?.source?.usable ? metadataOf(pair.baseline.source).values : undefined;
    const file = pair.translation.file;
    const lineOf = (key: string) => frontMatterKeyLine(lines, key) ?? 1;
    // The source had this value at the baseline: the translator changed it; a value changed since is upstream's.
    const causeOf = (key: string): Cause => (baseline === undefined ? "unknown" : sameFrontMatterValue(frontMatterValue(baseline, key), frontMatterValue(source, key)) ? "translation" : "upstream");
    const findings: FindingDraft[] = [];
    // The layout's keys (Hugo's `cascade.vers`) and the rule's; a key may nest (dots).
    const equalKeys = [...new Set([...options.equalKeys, ...(keys.equal ?? [])])];
    for (const { key, value, expected } of valuesToCopy(source, translation, equalKeys)) {
      if (value === undefined) findings.push({ messageId: "missing", file, line: 1, column: 1, key, cause: causeOf(key), data: { key, expected: show(expected) } });
      else findings.push({ messageId: "differs", file, line: lineOf(key), column: 1, key, cause: causeOf(key), data: { key, value: show(value), expected: show(expected) } });
    }
    for (const key of options.requiredKeys) {
      if (key in translation || equalKeys.includes(key)) continue;
      findings.push({ messageId: "required-missing", file, line: 1, column: 1, key, cause: "translation", data: { key, required: true } });
    }
    if (!options.reportExtraKeys) return findings;
    const sourceKeys = new Set(Object.keys(source).map((key) => key.toLowerCase()));
    for (const key of Object.keys(translation)) {
      if (sourceKeys.has(key.toLowerCase()) || options.translationOnlyKeys.includes(key)) continue;
      findings.push({ messageId: "extra", file, line: lineOf(key), column: 1, key, cause: "translation", data: { key, extra: true } });
    }
    return findings;
  },
};

/** Front matter, or else the legacy `<properties>`/`<tags>` header, which carried the same keys. */
/** A key's own value: `constructor` in a document's metadata is not `Object`. */
function own<T>(values: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(values, key) ? values[key] : undefined;
}

function metadataOf(document: ParsedDocument): Metadata {
  if (Object.keys(document.frontMatter).length > 0) return { values: document.frontMatter, lines: document.frontMatterKeyLines };
  // Keys come from the document: `constructor` or `__proto__` must be plain keys.
  const metadata: Metadata = { values: Object.create(null) as Metadata["values"], lines: Object.create(null) as Metadata["lines"] };
  let rest = document.text;
  let offset = 0;
  for (let header = LEGACY_HEADER.exec(rest); header !== null; header = LEGACY_HEADER.exec(rest)) {
    for (const attribute of header[2]!.matchAll(LEGACY_ATTRIBUTE)) {
      const key = own(LEGACY_NAMES, attribute[1]!) ?? attribute[1]!;
      const before = document.text.slice(0, offset + header.index + header[0].indexOf(header[2]!) + attribute.index);
      metadata.values[key] = attribute[2];
      metadata.lines[key] = before.split("\n").length;
    }
    offset += header[0].length;
    rest = rest.slice(header[0].length);
  }
  return metadata;
}

function show(value: unknown): string {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.replace(/`/g, "'").replace(/\s+/g, " ");
}

import type { FindingDraft } from "../model/finding.js";
import type { Pair } from "../model/pair.js";
import type { Rule } from "../model/rule.js";
import { documentIds, sectionContent } from "../parse/section-content.js";
import { fragmentLink } from "../parse/links.js";
import { decodePercent } from "../util/url.js";

/**
 * A link into a heading or anchor that does not exist: `#x` in the same file, or `other.md#x`
 * in the linked translated file (its ids are gathered by the engine into `pair.linkedIds`).
 */
export const brokenAnchor: Rule = {
  id: "broken-anchor",
  severity: "warning",
  description: "A link in a translation goes to a fragment (`#x`, `other.md#x`) that no heading or anchor of the target file defines.",
  rationale:
    "A translated heading gets a new slug; a link that still uses the English one (or an anchor the target translation dropped) scrolls nowhere. Keep the source's anchors in translated headings (`<a name=\"…\"></a>` or `{#…}`), or link the translated slug.",
  messages: {
    "this-file": "The link `{url}` goes to `#{id}`, which this file does not define; expected the id of one of its headings or anchors.",
    "other-file": "The link `{url}` goes to `#{id}`, which `{file}` does not define; expected the id of one of its headings or anchors.",
  },
  options: {},
  optionsSchema: {},
  examples: {
    bad: {
      source: "# Guide\n\n## Requirements\n\nSee [requirements](#requirements).\n",
      translation: "# Anleitung\n\n## Anforderungen\n\nSiehe [Anforderungen](#requirements).\n",
    },
    good: {
      source: "# Guide\n\n## Requirements\n\nSee [requirements](#requirements).\n",
      translation: "# Anleitung\n\n## <a name=\"requirements\"></a>Anforderungen\n\nSiehe [Anforderungen](#requirements).\n",
    },
  },
  checkPair(pair: Pair): FindingDraft[] {
    const { translation } = pair;
    const ownIds = documentIds(translation);
    const findings: FindingDraft[] = [];
    for (const section of translation.sections) {
      for (const link of sectionContent(section).links) {
        const broken = brokenTarget(link.url, translation.file, ownIds, pair.linkedIds ?? {});
        if (broken === undefined) continue;
        const draft: FindingDraft = {
          messageId: broken.file === translation.file ? "this-file" : "other-file",
          file: translation.file,
          line: link.line,
          column: link.column,
          key: `${broken.file}#${broken.id}`,
          cause: "translation",
          data: { url: link.url, file: broken.file, id: broken.id },
        };
        if (section.anchor !== "") draft.anchor = section.anchor;
        findings.push(draft);
      }
    }
    return findings;
  },
};

function brokenTarget(url: string, file: string, ownIds: ReadonlySet<string>, linkedIds: Readonly<Record<string, readonly string[] | null>>): { file: string; id: string } | undefined {
  if (url.startsWith("#")) {
    const id = decodePercent(url.slice(1));
    return id === "" || ownIds.has(id) ? undefined : { file, id };
  }
  const target = fragmentLink(url, file);
  if (target === undefined || target.id === "") return undefined;
  const ids = linkedIds[target.file];
  // An absent or unreadable target file is another rule's finding, not a broken anchor.
  if (ids === undefined || ids === null || ids.includes(target.id)) return undefined;
  return target;
}

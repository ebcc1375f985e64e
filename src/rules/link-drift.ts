import type { FindingDraft } from "../model/finding.js";
import type { Pair } from "../model/pair.js";
import type { Rule } from "../model/rule.js";
import { type LinkTarget, sectionFingerprint } from "../parse/fingerprint.js";
import { compareSections, type Difference, differenceFinding, type SectionPairView } from "./support/compare.js";
import { describeSection } from "./support/sections.js";
import { showTarget, targetKey } from "./support/targets.js";

interface LinkDifference extends Difference {
  kind: "missing" | "extra";
  target: string;
  link: LinkTarget;
}

/**
 * Link targets are not translated: the set of targets (URL or path plus fragment) of a section
 * must equal the source's, once the locale of a localised site is neutralised.
 */
export const linkDrift: Rule = {
  id: "link-drift",
  severity: "warning",
  description: "A translated section lacks a link target of the source's section, or links somewhere the source does not.",
  options: {},
  checkPair(pair: Pair): FindingDraft[] {
    return compareSections(pair, linkDifferences).map((compared) => {
      const { view, difference } = compared;
      const shown = showTarget(difference.target, view);
      const where = describeSection(view.translation);
      if (difference.kind === "missing") {
        const related = { file: view.sourceDocument.file, line: difference.link.line, column: difference.link.column, message: "The link in the source." };
        const place = { line: view.translation.line, column: view.translation.column };
        return differenceFinding(compared, place, `${where} has no link to \`${shown}\`; expected one, as in the source.`, related, { kind: "missing", target: shown });
      }
      return differenceFinding(compared, difference.link, `The link to \`${shown}\` in ${where} is not in the source's section; expected the source's link targets.`, undefined, { kind: "extra", target: shown });
    });
  },
};

function linkDifferences(view: SectionPairView): LinkDifference[] {
  const sourceTargets = keyed(sectionFingerprint(view.source).links, view, "source");
  const translationTargets = keyed(sectionFingerprint(view.translation).links, view, "translation");
  const differences: LinkDifference[] = [];
  for (const [target, link] of sourceTargets) {
    if (!translationTargets.has(target)) differences.push({ key: `missing\0${target}`, kind: "missing", target, link });
  }
  for (const [target, link] of translationTargets) {
    if (!sourceTargets.has(target)) differences.push({ key: `extra\0${target}`, kind: "extra", target, link });
  }
  return differences;
}

/** Each target once, with its first link. */
function keyed(links: readonly LinkTarget[], view: SectionPairView, side: "source" | "translation"): Map<string, LinkTarget> {
  const targets = new Map<string, LinkTarget>();
  for (const link of links) {
    const key = targetKey(link.url, view, side);
    if (!targets.has(key)) targets.set(key, link);
  }
  return targets;
}

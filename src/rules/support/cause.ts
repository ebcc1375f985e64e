import type { Section } from "../../model/document.js";
import type { Cause } from "../../model/finding.js";
import type { Pair } from "../../model/pair.js";

/** Where a content difference comes from: already in the baseline source, or the source's since. */
export type Since = "baseline" | "upstream";

/**
 * A problem of a file as a whole (encoding, parse errors, duplicate anchors): the translator's when
 * it is in a translation; in a source file it came from upstream.
 */
export function fileCause(isSource: boolean): Cause {
  return isSource ? "upstream" : "translation";
}

/** A content difference dated against the baseline source: there already, the translator's; new, upstream's. */
export function sinceCause(since: Since | undefined): Cause {
  return since === "baseline" ? "translation" : since === "upstream" ? "upstream" : "unknown";
}

/**
 * A source section the translation handles wrongly (missing, other level, elsewhere): the translator's
 * when the baseline source already had it so; upstream's when the source added or changed it since;
 * unknown without a baseline source.
 */
export function sourceSectionCause(pair: Pair, section: Section, same: (then: Section) => boolean = () => true): Cause {
  const then = baselineSection(pair, section.ids);
  if (then === null) return "unknown";
  return then !== undefined && same(then) ? "translation" : "upstream";
}

/** The baseline source's section sharing an id with `ids`; undefined when it had none; null without a baseline source. */
export function baselineSection(pair: Pair, ids: readonly string[]): Section | undefined | null {
  const baseline = pair.baseline?.source;
  if (baseline === undefined || !baseline.usable) return null;
  return baseline.sections.find((candidate) => candidate.level > 0 && candidate.ids.some((id) => ids.includes(id)));
}

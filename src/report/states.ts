import type { Finding } from "../model/finding.js";
import type { ArticleOutline, TranslationOutline } from "../model/report.js";
import { TRANSLATION_STATES, type FindingCause, type StateCounts, type TranslationState, type WorkList, type WorkSection, type WorkValue } from "../model/state.js";
import { compareText } from "../util/compare-text.js";

/**
 * Gives every translation one state from its findings. A pure function of the outlines and the
 * findings, so a report merged from shards gets exactly the states of one unsharded run.
 *
 * - A finding caused by the translation (`cause: "translation"`) at warning or error makes it
 *   `broken`; `info` findings (a machine translation, translated code comments) never do.
 * - A finding caused upstream makes it `outdated`, with the work list the findings carry.
 * - A finding of unknown cause (no baseline) is upstream when the translation's dates say the
 *   source moved on since it was made (an upstream finding from dates is there), and a
 *   translation error otherwise: a translation that claims to be as new as its source and
 *   disagrees with it is wrong.
 */
export function assignStates(outlines: readonly ArticleOutline[], findings: readonly Finding[]): ArticleOutline[] {
  const byTranslation = new Map<string, Finding[]>();
  for (const finding of findings) {
    if (finding.article === "") continue;
    const key = translationKey(finding.article, finding.locale);
    const list = byTranslation.get(key);
    if (list) list.push(finding);
    else byTranslation.set(key, [finding]);
  }
  return outlines.map((outline) => ({
    ...outline,
    translations: outline.translations.map((translation) => withState(translation, byTranslation.get(translationKey(outline.article, translation.locale)) ?? [])),
  }));
}

function translationKey(article: string, locale: string): string {
  return `${article}\0${locale}`;
}

function withState(translation: TranslationOutline, findings: readonly Finding[]): TranslationOutline {
  const { locale, file, status, rows } = translation;
  // The engine marks translations of sources not meant for translation; no finding changes that.
  if (translation.state === "untracked") return { locale, file, status, state: "untracked", reasons: [], rows };
  if (status !== "translated") return { locale, file, status, state: status, reasons: [], rows };
  const datedUpstream = findings.some((finding) => finding.cause === "upstream");
  const errors: Finding[] = [];
  const upstream: Finding[] = [];
  for (const finding of findings) {
    const cause = effectiveCause(finding.cause, datedUpstream);
    if (cause === "upstream") upstream.push(finding);
    else if (finding.severity !== "info") errors.push(finding);
  }
  const outdated = upstream.length > 0;
  const state: TranslationState = errors.length > 0 ? "broken" : outdated ? "outdated" : "current";
  const reasons = [...new Set((state === "broken" ? errors : upstream).map((finding) => finding.fingerprint))].sort(compareText);
  // Keys in their published order: the JSON report depends on it.
  return {
    locale,
    file,
    status,
    state,
    ...(state === "broken" && outdated && { outdated: true as const }),
    reasons,
    ...(outdated && { work: workList(upstream) }),
    rows,
  };
}

function effectiveCause(cause: FindingCause | undefined, datedUpstream: boolean): "translation" | "upstream" {
  if (cause === "upstream") return "upstream";
  if (cause === "translation") return "translation";
  return datedUpstream ? "upstream" : "translation";
}

/**
 * The work list of an outdated translation, from its upstream findings' data: a history
 * comparison (`added`, `changed`, `removed`, `frontMatter`, `includes`, `commit`, `commitsBehind`,
 * `changedLines`, `method`, `outdatedSince`) or dates (`sourceDate`), and the sections other
 * upstream findings are about.
 */
export function workList(upstream: readonly Finding[]): WorkList {
  const work: WorkList = { method: "date", added: [], changed: [], removed: [], frontMatter: [], includes: [] };
  const named = new Set<string>();
  for (const finding of upstream) {
    const data = finding.data ?? {};
    if (typeof data.commit === "string") {
      work.method = typeof data.method === "string" ? data.method : work.method;
      work.commit = data.commit;
      if (typeof data.commitsBehind === "number") work.commitsBehind = data.commitsBehind;
      if (typeof data.changedLines === "number") work.changedLines = data.changedLines;
      work.added.push(...sections(data.added));
      work.changed.push(...sections(data.changed));
      work.removed.push(...sections(data.removed));
      work.frontMatter.push(...strings(data.frontMatter));
      work.includes.push(...(Array.isArray(data.includes) ? data.includes.map((include) => (typeof include === "string" ? include : String((include as { file?: unknown }).file ?? ""))).filter((file) => file !== "") : []));
    }
    const since = typeof data.outdatedSince === "string" ? data.outdatedSince : typeof data.sourceDate === "string" ? data.sourceDate : undefined;
    if (since !== undefined && (work.outdatedSince === undefined || since < work.outdatedSince)) work.outdatedSince = since.slice(0, 10);
  }
  const values: WorkValue[] = [];
  for (const finding of upstream) {
    const data = finding.data ?? {};
    if (finding.ruleId !== "metadata-drift" || typeof data.key !== "string" || typeof data.expected !== "string") continue;
    values.push({ key: data.key, ...(typeof data.value === "string" && { value: data.value }), expected: data.expected });
  }
  if (values.length > 0) work.values = values.sort((a, b) => compareText(a.key, b.key));
  for (const section of [...work.added, ...work.changed, ...work.removed]) named.add(section.anchor);
  const review: WorkSection[] = [];
  for (const finding of upstream) {
    if (finding.anchor === undefined || named.has(finding.anchor) || typeof finding.data?.commit === "string") continue;
    named.add(finding.anchor);
    review.push({ anchor: finding.anchor, title: typeof finding.data?.title === "string" ? finding.data.title : finding.anchor });
  }
  if (review.length > 0) work.review = review;
  return work;
}

function sections(value: unknown): WorkSection[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((item): item is { anchor: string; title?: unknown; kinds?: unknown } => typeof item === "object" && item !== null && typeof (item as { anchor?: unknown }).anchor === "string")
    .map((item) => ({ anchor: item.anchor, title: typeof item.title === "string" ? item.title : item.anchor, ...(Array.isArray(item.kinds) && { kinds: strings(item.kinds) }) }));
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

export function emptyStateCounts(): StateCounts {
  return Object.fromEntries(TRANSLATION_STATES.map((state) => [state, 0])) as StateCounts;
}

import { DriftError } from "../errors.js";
import { CAUSES, fingerprintOf, type Finding, type FindingDraft, type RelatedPlace } from "../model/finding.js";
import type { ParsedDocument } from "../model/document.js";
import type { FileContext, RuleContext } from "../model/rule.js";
import { MORE_FINDINGS, MORE_FINDINGS_MESSAGE } from "../model/rule.js";
import type { ActiveRule } from "./rule-settings.js";

/** A file of the pair or file being checked, with its line count when it was read. */
export interface CheckedFile {
  file: string;
  lines?: number;
}

/** What the drafts of one hook call are stamped with, and the files they may name. */
export interface HookScope {
  locale: string;
  article: string;
  files: readonly CheckedFile[];
}

/** Per rule and file: past this many findings, one finding says how many more there are. */
export const MAX_FINDINGS_PER_FILE = 100;

/** The file and its line count, as a draft may point into it. */
export function checkedFile(document: ParsedDocument): CheckedFile {
  // Markdown ends a line at CR, LF or CRLF, and so do positions the parser gives.
  return document.usable ? { file: document.file, lines: document.text.split(/\r\n|\r|\n/).length } : { file: document.file };
}

/** The context every hook gets; file hooks get the file's facts on top. */
export function ruleContext(active: ActiveRule, sourceLocale: string): RuleContext {
  return { options: active.options, sourceLocale, keys: active.keys };
}

/**
 * The one place rules are called. A rule that throws, or returns a draft that is not valid (a
 * place outside the files being checked, an unknown messageId, a message that is not one line),
 * is the rule's failure: `RULE_FAILED`, naming the rule and the file. Findings beyond
 * `MAX_FINDINGS_PER_FILE` per file become one summary finding, so a file of ten thousand control
 * characters gives 101 findings, not ten thousand.
 */
export function runHook(active: ActiveRule, where: string, scope: HookScope, call: () => FindingDraft[]): Finding[] {
  let drafts: FindingDraft[];
  try {
    drafts = call();
  } catch (error) {
    throw ruleFailed(active, where, error instanceof Error ? error.message : String(error), error);
  }
  const findings: Finding[] = [];
  const perFile = new Map<string, number>();
  const firstDropped = new Map<string, FindingDraft>();
  // One loop, never `push(...drafts)`: a spread of a huge array overflows the stack.
  for (const draft of drafts) {
    const problem = invalidDraft(draft, active, scope);
    if (problem !== undefined) throw ruleFailed(active, where, `returned an invalid finding: ${problem}`);
    const count = (perFile.get(draft.file) ?? 0) + 1;
    perFile.set(draft.file, count);
    if (count > MAX_FINDINGS_PER_FILE) {
      if (!firstDropped.has(draft.file)) firstDropped.set(draft.file, draft);
      continue;
    }
    const finding = stamp(draft, active, scope);
    if (finding !== undefined) findings.push(finding);
  }
  for (const [file, draft] of firstDropped) {
    const more: FindingDraft = {
      messageId: MORE_FINDINGS,
      data: { count: perFile.get(file)! - MAX_FINDINGS_PER_FILE, ruleId: active.rule.id },
      file,
      key: MORE_FINDINGS,
      cause: draft.cause,
      ...(draft.line !== undefined && { line: draft.line }),
      ...(draft.column !== undefined && { column: draft.column }),
    };
    const finding = stamp(more, active, scope, active.severityOf(draft.messageId));
    if (finding !== undefined) findings.push(finding);
  }
  return findings;
}

/** The context of a file hook. */
export function fileContext(active: ActiveRule, sourceLocale: string, facts: Omit<FileContext, keyof RuleContext>): FileContext {
  return { ...ruleContext(active, sourceLocale), ...facts };
}

function ruleFailed(active: ActiveRule, file: string, reason: string, cause?: unknown): DriftError {
  return new DriftError("RULE_FAILED", `rule \`${active.rule.id}\` failed on \`${file}\`: ${reason}`, { ruleId: active.rule.id, file }, cause === undefined ? undefined : { cause });
}

/** Why a draft cannot be a finding, or undefined when it can. */
function invalidDraft(draft: FindingDraft, active: ActiveRule, scope: HookScope): string | undefined {
  if (typeof draft.messageId !== "string" || !Object.hasOwn(active.rule.messages, draft.messageId)) return `unknown messageId \`${String(draft.messageId)}\``;
  if (typeof draft.key !== "string") return `messageId \`${draft.messageId}\` has no key`;
  if (!CAUSES.includes(draft.cause)) return `cause \`${String(draft.cause)}\` is not one of ${CAUSES.join(", ")}`;
  const place = invalidPlace(draft, scope);
  if (place !== undefined) return place;
  for (const related of draft.related ?? []) {
    const problem = invalidPlace(related, scope);
    if (problem !== undefined) return `related place: ${problem}`;
    if (typeof related.message !== "string" || /[\r\n]/.test(related.message)) return "a related place's message is not one line";
  }
  const rendered = render(active.rule.messages[draft.messageId]!, draft.data);
  if (typeof rendered !== "string") return `messageId \`${draft.messageId}\`: ${rendered.problem}`;
  if (/[\r\n\u2028\u2029]/.test(rendered)) return `messageId \`${draft.messageId}\` renders to more than one line`;
  return undefined;
}

function invalidPlace(place: Pick<RelatedPlace, "file"> & Partial<RelatedPlace>, scope: HookScope): string | undefined {
  const file = scope.files.find((candidate) => candidate.file === place.file);
  if (file === undefined) return `\`${String(place.file)}\` is not a file being checked`;
  if (place.line !== undefined && (!Number.isInteger(place.line) || place.line < 1 || (file.lines !== undefined && place.line > file.lines))) {
    return `line ${String(place.line)} is not a line of \`${place.file}\`${file.lines === undefined ? "" : ` (1–${file.lines})`}`;
  }
  if (place.column !== undefined && (!Number.isInteger(place.column) || place.column < 1)) return `column ${String(place.column)} is not 1 or more`;
  return undefined;
}

/**
 * The template with each `{name}` replaced by `data.name`, line breaks in values as spaces; a
 * placeholder without a value is the rule's bug.
 */
export function render(template: string, data: Readonly<Record<string, unknown>> | undefined): string | { problem: string } {
  let missing: string | undefined;
  const text = template.replace(/\{([A-Za-z][\w]*)\}/g, (_, name: string) => {
    const value = data?.[name];
    if (value === undefined || value === null || typeof value === "object") {
      missing ??= name;
      return "";
    }
    // A value from a document (a title, a file name) may hold a line break; a message is one line.
    return String(value).replace(/[\r\n\u2028\u2029]+/g, " ");
  });
  return missing === undefined ? text : { problem: `placeholder \`{${missing}}\` has no value` };
}

/** The finding in its published key order (the JSON output depends on it); undefined when its message is turned off. */
function stamp(draft: FindingDraft, active: ActiveRule, scope: HookScope, severity = active.severityOf(draft.messageId)): Finding | undefined {
  if (severity === "off") return undefined;
  const template = draft.messageId === MORE_FINDINGS ? MORE_FINDINGS_MESSAGE : active.rule.messages[draft.messageId]!;
  const message = render(template, draft.data) as string;
  const identity = { ruleId: active.rule.id, article: scope.article, locale: scope.locale, anchor: draft.anchor, messageId: draft.messageId, key: draft.key };
  return {
    ruleId: active.rule.id,
    messageId: draft.messageId,
    severity,
    cause: draft.cause,
    locale: scope.locale,
    article: scope.article,
    file: draft.file,
    ...(draft.line !== undefined && { line: draft.line }),
    ...(draft.column !== undefined && { column: draft.column }),
    ...(draft.anchor !== undefined && { anchor: draft.anchor }),
    key: draft.key,
    message,
    ...(draft.related !== undefined && draft.related.length > 0 && { related: draft.related }),
    ...(draft.data !== undefined && { data: draft.data }),
    fingerprint: fingerprintOf(identity),
  };
}

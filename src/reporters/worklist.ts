import { diffWords } from "diff";
import pc from "picocolors";
import type { SectionRef } from "../history/compare.js";
import type { WorkList } from "../history/worklist.js";
import type { HistoryGap } from "../model/pair.js";
import { compareText } from "../util/compare-text.js";
import { plural } from "../util/text.js";
import type { StatusEntry, WorkStatus } from "../model/status.js";
import { printable } from "./text.js";

export interface WorkListTextOptions {
  /** Decided by the caller; word-level highlighting in diffs needs it. */
  color: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;

const GAP_TEXT: Record<HistoryGap, string> = {
  "no-repository": "no git history",
  "not-committed": "the translation is not committed",
  "added-with-source": "committed together with its source",
  "beyond-shallow-clone": "older than this shallow clone",
  "source-not-committed": "the source was not committed then",
  "version-unreadable": "git could not give the source version it was made from",
};

/** `l10n-drift diff`: each translation's work list, sections in source order. */
export function formatWorkLists(lists: readonly WorkList[], options: WorkListTextOptions): string {
  const colors = pc.createColors(options.color);
  const blocks = lists.map((list) => formatOne(list, colors));
  return `${blocks.join("\n\n")}\n`;
}

function formatOne(list: WorkList, colors: Colors): string {
  const lines = [colors.bold(printable(`${list.file} (${list.locale}) ← ${list.sourceFile}`))];
  lines.push(`  ${describeBaseline(list)}`);
  if (list.state === "missing") {
    lines.push(`  not translated yet: ${list.size} source lines`);
    return lines.join("\n");
  }
  if (list.structure) {
    for (const section of list.structure.missing) lines.push(`  ${colors.red("missing")}  ${heading(section)}`);
    for (const section of list.structure.extra) lines.push(`  ${colors.yellow("extra")}    ${heading(section)}`);
    if (list.structure.missing.length + list.structure.extra.length === 0) lines.push("  the outline matches the source");
    return lines.join("\n");
  }
  for (const section of list.added) {
    lines.push(`  ${colors.green("added")}    ${heading(section)}`);
    for (const line of section.text.split("\n")) lines.push(`    ${colors.green(`+${printable(line)}`)}`);
  }
  for (const section of list.changed) {
    lines.push(`  ${colors.yellow("changed")}  ${heading(section)}: ${section.kinds.join(", ")}`);
    for (const line of colorDiff(section.diff.split("\n").map(printable).join("\n"), colors)) lines.push(`    ${line}`);
  }
  for (const section of list.removed) lines.push(`  ${colors.red("removed")}  ${heading(section)}`);
  for (const section of list.skipped) lines.push(`  ${colors.dim("skipped")}  ${heading(section)}: formatting only`);
  for (const include of list.includes) lines.push(`  ${colors.yellow("include")}  \`${printable(include.file)}\` changed in ${plural(include.commits, "commit")}`);
  for (const item of list.frontMatter ?? []) lines.push(`  ${colors.yellow("changed")}  front matter \`${printable(item.key)}\`: ${quoted(item.before)} → ${quoted(item.after)}`);
  for (const item of list.values ?? []) lines.push(`  ${colors.yellow("value")}    \`${printable(item.key)}\` is ${quoted(item.value)}; copy the source's ${quoted(item.expected)}`);
  if (list.state === "current") lines.push("  up to date: nothing to translate");
  return lines.join("\n");
}

/** A front matter value as the diff shows it, quoted; `none` where the key is absent. */
function quoted(value: string | undefined): string {
  return value === undefined ? "none" : `\`${printable(value.replace(/\s+/g, " "))}\``;
}

/**
 * `l10n-drift status`: per locale, its translations by state, then the translations `status`
 * selected, in its order (broken, outdated largest first, missing, ...), one line each.
 */
export function formatWorkStatus(status: WorkStatus, options: WorkListTextOptions): string {
  const colors = pc.createColors(options.color);
  const lines: string[] = [];
  for (const [locale, counts] of Object.entries(status.locales).sort(([a], [b]) => compareText(a, b))) {
    const shownStates = (["broken", "outdated", "missing", "unreadable", "current", "untracked"] as const).filter((state) => (state !== "unreadable" && state !== "untracked") || counts[state] > 0);
    lines.push(colors.bold(`${printable(locale)}  ${shownStates.map((state) => `${counts[state]} ${state}`).join(", ")}`));
    for (const entry of status.entries.filter((candidate) => candidate.locale === locale)) {
      const size = entry.lines > 0 ? `${String(entry.lines).padStart(5)} lines` : " ".repeat(11);
      lines.push(`  ${entry.state.padEnd(10)} ${size}  ${printable(entry.file)}  ${colors.dim(printable(summary(entry)))}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

function summary(entry: StatusEntry): string {
  const list = entry.work;
  if (entry.state === "missing") return "no translation";
  if (entry.state === "unreadable") return "cannot be read: see `l10n-drift check`";
  if (entry.state === "untracked") return "its source is not meant for translation (`history.trackProperty`)";
  const parts: string[] = [];
  if (entry.state === "broken") parts.push(`${plural(entry.reasons, "translation error")} (\`l10n-drift check\` lists them)${entry.outdated ? "; outdated too" : ""}`);
  if (list?.structure) parts.push(`baseline unknown; ${plural(list.structure.missing.length, "section")} missing, ${list.structure.extra.length} extra`);
  else if (list) {
    if (list.changed.length > 0) parts.push(`${list.changed.length} changed`);
    if (list.added.length > 0) parts.push(`${list.added.length} added`);
    if (list.removed.length > 0) parts.push(`${list.removed.length} removed`);
    if (list.includes.length > 0) parts.push(`${list.includes.length} includes`);
  }
  if (entry.commitsBehind !== undefined && entry.commitsBehind > 0) parts.push(`${plural(entry.commitsBehind, "commit")} behind`);
  return parts.join(", ");
}

function describeBaseline(list: WorkList): string {
  const baseline = list.baseline;
  if (list.state === "missing") return "baseline: none";
  if (!baseline || list.structure) return `baseline unknown (${GAP_TEXT[baseline?.gap ?? "no-repository"]}): the outlines are compared instead`;
  const commit = baseline.commit === undefined ? "" : ` \`${baseline.commit.slice(0, 7)}\``;
  const skipped = baseline.skippedCommits ? `, ${plural(baseline.skippedCommits, "marked commit")} skipped` : "";
  return `baseline${commit} (${baseline.method}), ${plural(baseline.commitsBehind ?? 0, "commit")} behind${skipped}`;
}

function heading(section: SectionRef): string {
  return section.level === 0 ? "the text before the first heading" : printable(`${"#".repeat(section.level)} ${section.title} (#${section.anchor})`);
}

/** Red and green lines; where a run of removed lines faces as many added ones, the changed words stand out. */
function colorDiff(diff: string, colors: Colors): string[] {
  const lines = diff.split("\n");
  const out: string[] = [];
  for (let at = 0; at < lines.length; ) {
    const line = lines[at]!;
    if (line.startsWith("@@")) {
      out.push(colors.cyan(line));
      at++;
      continue;
    }
    if (!line.startsWith("-")) {
      out.push(line);
      at++;
      continue;
    }
    const removed = takeWhile(lines, at, "-");
    const added = takeWhile(lines, at + removed.length, "+");
    if (colors.isColorSupported && removed.length === added.length) {
      removed.forEach((old, index) => {
        const [before, after] = highlightWords(old.slice(1), added[index]!.slice(1), colors);
        out.push(colors.red(`-${before}`));
        out.push(colors.green(`+${after}`));
      });
    } else {
      out.push(...removed.map((text) => colors.red(text)), ...added.map((text) => colors.green(text)));
    }
    at += removed.length + added.length;
  }
  return out;
}

function highlightWords(before: string, after: string, colors: Colors): [string, string] {
  let old = "";
  let now = "";
  for (const part of diffWords(before, after)) {
    if (part.removed) old += colors.inverse(part.value);
    else if (part.added) now += colors.inverse(part.value);
    else {
      old += part.value;
      now += part.value;
    }
  }
  return [old, now];
}

function takeWhile(lines: readonly string[], from: number, prefix: string): string[] {
  const taken: string[] = [];
  for (let at = from; at < lines.length && lines[at]!.startsWith(prefix); at++) taken.push(lines[at]!);
  return taken;
}

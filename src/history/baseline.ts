import { createHash } from "node:crypto";
import path from "node:path";
import type { ObjectRead } from "../git/cat-file.js";
import type { FileVersion } from "../git/history.js";
import { isSkipped, lunariaDirective, skippedFor, type HistoryAccess } from "./access.js";
import type { ParsedDocument } from "../model/document.js";
import type { HistoryGap, PinProblem, TranslationBaseline } from "../model/pair.js";
import { parseDocument, parsedBytes, type ParseLimits } from "../parse/document.js";
import { sectionContent } from "../parse/section-content.js";
import { decodePercent } from "../util/url.js"; // a malformed escape (`%.md`) is kept as written, never thrown
import { changedLineCount } from "./line-diff.js";
import { BoundedCache } from "../util/bounded-cache.js";
import { unique } from "../util/text.js";

export interface BaselineOptions {
  /** Front matter keys holding the source commit a translation was made from; dots reach into maps. */
  pinKeys: readonly string[];
  /** Front matter keys holding a hash of the source it was made from (git blob id, SHA-1, SHA-256 or MD5). */
  hashPinKeys: readonly string[];
  /** A commit whose message contains one of these (case-insensitive) needs no translation. */
  skipMarkers: readonly string[];
  limits: ParseLimits;
}

/** Digests are 64 characters or fewer: 100,000 of them take a few megabytes. */
const MAX_BLOB_DIGESTS = 100_000;

/**
 * An old version that git could not give: a missing or corrupt object, one over `maxFileBytes`,
 * or a reader that stopped. The translation then has no baseline, and `history-unavailable` says so.
 */
export class VersionUnreadable extends Error {}

/** The object's content; a missing object is undefined, anything worse throws VersionUnreadable. */
async function readObject(history: HistoryAccess, name: string): Promise<ObjectRead> {
  const read = await history.read(name);
  if (!read.found && read.unreadable !== undefined) throw new VersionUnreadable(read.unreadable);
  return read;
}

/**
 * Parsed old versions kept per thread, as `parsedBytes` estimates them. Reuse is mostly within one
 * article, so a few MB lose nothing: on Astro docs, 4 MB instead of 32 took a one-thread git-aware
 * check from 654 to 544 MiB at its peak in the same time (48.2 s against 48.1 s), the same report.
 * The heap is a multiple of what is live, so what a cache holds costs several times over.
 */
const MAX_PARSED_BYTES = 4 * 1024 * 1024;

/** How many of the versions parsed last a new version may reuse nodes of (see BlobCache.document). */
const RECENT_VERSIONS = 8;

/**
 * What one run remembers about blobs: the same source version is the baseline of many locales,
 * and a hash pin that matches nothing would otherwise hash every old version once per locale.
 * Parsed documents are kept up to a bound in bytes: 512 of them, the bound by count this replaced,
 * held 130 MB of Astro docs' history and made the heap grow through the run. Reuse is mostly
 * within one article (its locales share baselines), so a small bound loses little. Digests are
 * short strings.
 */
export class BlobCache {
  private readonly parsed: BoundedCache<string, ParsedDocument>;
  private readonly digests = new BoundedCache<string, string>({ maxEntries: MAX_BLOB_DIGESTS });

  constructor(maxBytes = MAX_PARSED_BYTES) {
    this.parsed = new BoundedCache({ maxBytes, sizeOf: parsedBytes });
  }

  /**
   * The old version `blob` of a source, parsed only where it differs from the source now
   * (`current`) and from the versions of the same file parsed last: one article's baseline search
   * reads versions of its source a few sections apart, and each locale's search reads others.
   */
  async document(history: HistoryAccess, blob: string, file: string, limits: ParseLimits, current?: ParsedDocument): Promise<ParsedDocument | undefined> {
    const key = `${blob} ${file}`;
    const cached = this.parsed.get(key);
    if (cached) return cached;
    const read = await readObject(history, blob);
    // The log names this blob, so git must have it: a missing one is a damaged repository.
    if (!read.found) throw new VersionUnreadable(`object ${blob} is missing`);
    const versions = [...(current ? [current] : []), ...this.recent.filter((version) => version.file === file)];
    const document = parseDocument(file, read.content, limits, versions);
    this.parsed.set(key, document);
    this.recent = [document, ...this.recent.slice(0, RECENT_VERSIONS - 1)];
    return document;
  }

  /** The versions parsed last, newest first, whatever the bound in bytes. */
  private recent: ParsedDocument[] = [];

  async digest(history: HistoryAccess, blob: string, algorithm: string): Promise<string | undefined> {
    const key = `${algorithm} ${blob}`;
    const cached = this.digests.get(key);
    if (cached !== undefined) return cached;
    const read = await readObject(history, blob);
    const digest = read.found ? createHash(algorithm).update(read.content).digest("hex") : undefined;
    if (digest !== undefined) this.digests.set(key, digest);
    return digest;
  }
}

export const DEFAULT_BASELINE_OPTIONS: Omit<BaselineOptions, "limits"> = {
  pinKeys: ["ms.sourcegitcommit", "l10n.sourceCommit", "default_lang_commit"],
  hashPinKeys: ["ms.openlocfilehash"],
  skipMarkers: ["L10n-Skip: true", "[l10n skip]"],
};

/** A docfx include: `[!INCLUDE [title](path)]`, path relative to the including file. */
const INCLUDE = /\[!INCLUDE\s*\[[^\]]*\]\(\s*<?([^)\s>]+)>?\s*\)\s*\]/gi;

interface Found {
  method: TranslationBaseline["method"];
  commit: string;
  /** Log position the source is compared from: changes at smaller indexes came after. */
  position: number;
  version: FileVersion | undefined;
  /** The blob the source had at the baseline, when the version is outside the log. */
  blob: string;
  pin?: TranslationBaseline["pin"];
}

/**
 * Finds the source version a translation was made from: a commit pin, else a content-hash pin,
 * else the last commit that touched the translation. Every pin that cannot be used is recorded
 * on the baseline, so the user hears about it even when a later method succeeds.
 */
export async function resolveBaseline(
  history: HistoryAccess,
  sourceFile: string,
  source: ParsedDocument,
  translation: ParsedDocument,
  options: BaselineOptions,
  cache: BlobCache = new BlobCache(),
): Promise<TranslationBaseline> {
  const problems: PinProblem[] = [];
  try {
    return await findBaseline(history, sourceFile, source, translation, options, cache, problems);
  } catch (error) {
    if (!(error instanceof VersionUnreadable)) throw error;
    return { method: "date", gap: "version-unreadable", ...(problems.length > 0 && { pinProblems: problems }) };
  }
}

async function findBaseline(
  history: HistoryAccess,
  sourceFile: string,
  source: ParsedDocument,
  translation: ParsedDocument,
  options: BaselineOptions,
  cache: BlobCache,
  problems: PinProblem[],
): Promise<TranslationBaseline> {
  const versions = await history.versionsOf(sourceFile);
  const currentBlob = gitBlobId(source.text);
  const found =
    (await fromCommitPin(history, versions, translation, options, problems)) ??
    (await fromHashPin(history, versions, translation, options, problems, cache)) ??
    (await closestTranslationCommit(history, versions, { document: source, blob: currentBlob }, translation, options, cache));
  const withProblems = problems.length > 0 ? { pinProblems: problems } : {};
  if (typeof found === "string") return { method: "date", gap: found, ...withProblems };

  // Most translations are of the source as it is: reuse the parsed source instead of parsing it again.
  const baselineSource = found.blob === currentBlob ? source : await cache.document(history, found.blob, sourceFile, options.limits, source);
  // A commit that left the content as it was (a pure rename) is not a change to translate.
  const later = versions.filter((version, index) => version.commitIndex < found.position && version.blob !== found.blob && version.blob !== versions[index + 1]?.blob);
  const skip = (version: FileVersion): boolean => skippedFor(history.commit(version.commitIndex), version.path);
  const counted = later.filter((version) => !skip(version));
  // Skipped commits after the last counted one are left out of the comparison altogether.
  const newestCounted = counted[0];
  const target = newestCounted === undefined ? baselineSource : versions[0] === newestCounted ? source : await cache.document(history, newestCounted.blob, sourceFile, options.limits, source);
  const baseline: TranslationBaseline = {
    method: found.method,
    commit: found.commit,
    ...(baselineSource && { source: baselineSource }),
    ...(found.pin && { pin: found.pin }),
    commitsBehind: counted.length,
    ...(counted.length > 0 && { outdatedSince: isoDay(history.commit(counted.at(-1)!.commitIndex).time) }),
    skippedCommits: later.length - counted.length,
    changedLines: baselineSource && target ? changedLineCount(baselineSource.text, target.text) : 0,
    ...(target && target !== source && { target }),
    ...withProblems,
  };
  const baselinePath = found.version?.path;
  if (baselinePath !== undefined && baselinePath !== sourceFile) baseline.renamedFrom = baselinePath;
  const includes = await includesChanged(history, sourceFile, source, found.position);
  if (includes.length > 0) baseline.includesChanged = includes;
  return baseline;
}

async function fromCommitPin(
  history: HistoryAccess,
  versions: FileVersion[],
  translation: ParsedDocument,
  options: BaselineOptions,
  problems: PinProblem[],
): Promise<Found | undefined> {
  const pin = readPin(translation, options.pinKeys);
  if (!pin) return undefined;
  const commit = await readObject(history, `${pin.value}^{commit}`);
  if (!commit.found) {
    problems.push({ ...pin, reason: "unknown-commit", shallow: history.shallow });
    return undefined;
  }
  const position = await history.indexOf(commit.id);
  if (position !== undefined) {
    const version = versions.find((candidate) => candidate.commitIndex >= position);
    if (version) return { method: "source-commit-pin", commit: commit.id, position, version, blob: version.blob, pin };
  } else {
    // The pinned commit did not touch this tree: read the source as that commit had it.
    for (const name of unique(versions.map((version) => version.path))) {
      const blob = await readObject(history, `${commit.id}:${history.repoPath(name)}`);
      if (!blob.found) continue;
      const version = versions.find((candidate) => candidate.blob === blob.id);
      return { method: "source-commit-pin", commit: commit.id, position: version?.commitIndex ?? Number.POSITIVE_INFINITY, version, blob: blob.id, pin };
    }
  }
  problems.push({ ...pin, reason: "source-absent-at-commit", shallow: history.shallow });
  return undefined;
}

async function fromHashPin(
  history: HistoryAccess,
  versions: FileVersion[],
  translation: ParsedDocument,
  options: BaselineOptions,
  problems: PinProblem[],
  cache: BlobCache,
): Promise<Found | undefined> {
  const pin = readPin(translation, options.hashPinKeys);
  if (!pin) return undefined;
  const wanted = pin.value.toLowerCase();
  const algorithm = wanted.length === 64 ? "sha256" : wanted.length === 32 ? "md5" : "sha1";
  for (const version of versions) {
    const matches = version.blob === wanted || (await cache.digest(history, version.blob, algorithm)) === wanted;
    if (matches) return { method: "source-hash-pin", commit: version.commit, position: version.commitIndex, version, blob: version.blob, pin };
  }
  // In a shallow clone the version may just not have been fetched: recorded, said once per run.
  problems.push({ ...pin, reason: "no-matching-version", shallow: history.shallow });
  return undefined;
}

async function fromTranslationCommit(history: HistoryAccess, versions: FileVersion[], translationFile: string): Promise<Found | HistoryGap> {
  const last = (await history.versionsOf(translationFile))[0];
  if (!last) return "not-committed";
  if (history.shallow && history.commit(last.commitIndex).parentless) return "beyond-shallow-clone";
  const version = versions.find((candidate) => candidate.commitIndex >= last.commitIndex);
  if (!version) return "source-not-committed";
  // Added in the same commit as the source (an import): history cannot say which version it was made from.
  if (version.commitIndex === last.commitIndex && version === versions.at(-1) && version.status === "A" && last.status === "A") return "added-with-source";
  return { method: "translation-commit", commit: last.commit, position: last.commitIndex, version, blob: version.blob };
}

/** Older commits of a translation tried as its baseline when the last one does not fit its outline. */
const MAX_OUTLINE_CANDIDATES = 8;
/** Outlines longer than this (headings, tables, code blocks) are not compared (the distance is quadratic): the last commit stands. */
const MAX_OUTLINE_HEADINGS = 600;

/**
 * The last commit that touched the translation, unless the source as it was then has another
 * outline than the translation and an earlier commit of the translation fits it better. A commit
 * that touches every locale (a link fixed, an outdated passage removed everywhere) is the last to
 * touch a translation that was made from a far older source: its sections added since are then
 * upstream work, not a translator's omissions. Ties keep the later commit.
 */
async function closestTranslationCommit(
  history: HistoryAccess,
  versions: FileVersion[],
  source: { document: ParsedDocument; blob: string },
  translation: ParsedDocument,
  options: BaselineOptions,
  cache: BlobCache,
): Promise<Found | HistoryGap> {
  const last = await fromTranslationCommit(history, versions, translation.file);
  if (typeof last === "string") return last;
  const outline = outlineTokens(translation);
  if (outline.length > MAX_OUTLINE_HEADINGS) return last;
  let best = last;
  // Most translations are of the source as it is: its outline is the parsed source's, read and parsed once.
  const lastOutline = last.blob === source.blob ? outlineTokens(source.document) : await sourceOutline(history, last.blob, versions, options, cache, source.document);
  let bestDistance = outlineDistance(lastOutline, outline);
  for (const candidate of (await history.versionsOf(translation.file)).slice(1, MAX_OUTLINE_CANDIDATES + 1)) {
    if (bestDistance === 0) break;
    if (history.shallow && history.commit(candidate.commitIndex).parentless) break;
    const version = versions.find((source) => source.commitIndex >= candidate.commitIndex);
    if (!version) break;
    if (version.blob === best.blob) continue;
    const distance = outlineDistance(await sourceOutline(history, version.blob, versions, options, cache, source.document), outline);
    if (distance < bestDistance) {
      best = { method: "translation-commit", commit: candidate.commit, position: candidate.commitIndex, version, blob: version.blob };
      bestDistance = distance;
    }
  }
  return best;
}

async function sourceOutline(history: HistoryAccess, blob: string, versions: FileVersion[], options: BaselineOptions, cache: BlobCache, current: ParsedDocument): Promise<number[] | undefined> {
  const file = versions.find((version) => version.blob === blob)?.path ?? "";
  try {
    const document = await cache.document(history, blob, file, options.limits, current);
    return document?.usable ? outlineTokens(document) : undefined;
  } catch (error) {
    // An older version git cannot give is only a candidate less; the last commit still stands.
    if (error instanceof VersionUnreadable) return undefined;
    throw error;
  }
}

/**
 * A document's outline as tokens: each heading's level, then one token per table and code block
 * of its section, so a table the source replaced with a component is a difference too.
 */
function outlineTokens(document: ParsedDocument): number[] {
  const outline: number[] = [];
  for (const section of document.sections) {
    if (section.level > 0) outline.push(section.level);
    const content = sectionContent(section);
    for (let table = 0; table < content.tables.length; table++) outline.push(TABLE);
    for (let block = 0; block < content.code.length; block++) outline.push(CODE);
  }
  return outline;
}

const TABLE = -1;
const CODE = -2;

/** Edit distance of two outlines (heading levels in order); an unreadable outline is as far as can be. */
function outlineDistance(source: readonly number[] | undefined, translation: readonly number[]): number {
  if (source === undefined || source.length > MAX_OUTLINE_HEADINGS) return Number.POSITIVE_INFINITY;
  let previous = Array.from({ length: translation.length + 1 }, (_, index) => index);
  for (let i = 1; i <= source.length; i++) {
    const current = [i];
    for (let j = 1; j <= translation.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (source[i - 1] === translation[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[translation.length]!;
}

/** Commits since `position` that touched a file the source includes, skips not counted. */
async function includesChanged(history: HistoryAccess, sourceFile: string, source: ParsedDocument, position: number): Promise<Array<{ file: string; commits: number }>> {
  const changed: Array<{ file: string; commits: number }> = [];
  for (const include of includedFiles(sourceFile, source.text)) {
    const commits = (await history.versionsOf(include)).filter((version) => version.commitIndex < position && !skippedFor(history.commit(version.commitIndex), version.path)).length;
    if (commits > 0) changed.push({ file: include, commits });
  }
  return changed;
}

/** Root-relative paths of the files a document includes, in order of first use. */
export function includedFiles(file: string, text: string): string[] {
  const directory = path.posix.dirname(file);
  const files = [...text.matchAll(INCLUDE)].map((match) => path.posix.normalize(path.posix.join(directory, decodePercent(match[1] ?? ""))));
  return unique(files.filter((include) => !include.startsWith("../") && include !== ".."));
}

export { isSkipped, lunariaDirective };

function readPin(document: ParsedDocument, keys: readonly string[]): TranslationBaseline["pin"] | undefined {
  for (const key of keys) {
    const value = lookup(document.frontMatter, key);
    if (typeof value !== "string" && typeof value !== "number") continue;
    const text = String(value).trim();
    if (text === "") continue;
    const topKey = Object.hasOwn(document.frontMatter, key) ? key : key.split(".")[0]!;
    return { key, value: text, line: (Object.hasOwn(document.frontMatterKeyLines, topKey) ? document.frontMatterKeyLines[topKey] : undefined) ?? 1 };
  }
  return undefined;
}

/** `a.b` is the key `a.b` when present (Microsoft Docs), else `b` inside the map `a` (MDN). */
function lookup(data: Record<string, unknown>, key: string): unknown {
  // Own keys only: a key named `constructor` or `toString` is not the object's method.
  if (Object.hasOwn(data, key)) return data[key];
  let value: unknown = data;
  for (const part of key.split(".")) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    value = Object.hasOwn(value, part) ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value;
}

/** The id git gives a file's content (`git hash-object`). */
export function gitBlobId(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

/** YYYY-MM-DD in UTC, from seconds since the epoch. */
function isoDay(seconds: number): string {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

import { createHash } from "node:crypto";
import path from "node:path";
import type { ObjectRead } from "../git/cat-file.js";
import type { FileVersion } from "../git/history.js";
import { isSkipped, type HistoryAccess } from "./access.js";
import type { ParsedDocument } from "../model/document.js";
import type { HistoryGap, PinProblem, TranslationBaseline } from "../model/pair.js";
import { parseDocument, type ParseLimits } from "../parse/document.js";
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
 * What one run remembers about blobs: the same source version is the baseline of many locales,
 * and a hash pin that matches nothing would otherwise hash every old version once per locale.
 * Parsed documents are kept for a bounded number of blobs; digests are short strings.
 */
export class BlobCache {
  private readonly parsed: BoundedCache<string, ParsedDocument>;
  private readonly digests = new BoundedCache<string, string>({ maxEntries: MAX_BLOB_DIGESTS });

  constructor(maxParsed = 512) {
    this.parsed = new BoundedCache({ maxEntries: maxParsed });
  }

  async document(history: HistoryAccess, blob: string, file: string, limits: ParseLimits): Promise<ParsedDocument | undefined> {
    const key = `${blob} ${file}`;
    const cached = this.parsed.get(key);
    if (cached) return cached;
    const read = await readObject(history, blob);
    // The log names this blob, so git must have it: a missing one is a damaged repository.
    if (!read.found) throw new VersionUnreadable(`object ${blob} is missing`);
    const document = parseDocument(file, read.content, limits);
    this.parsed.set(key, document);
    return document;
  }

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
  const found =
    (await fromCommitPin(history, versions, translation, options, problems)) ??
    (await fromHashPin(history, versions, translation, options, problems, cache)) ??
    (await fromTranslationCommit(history, versions, translation.file));
  const withProblems = problems.length > 0 ? { pinProblems: problems } : {};
  if (typeof found === "string") return { method: "date", gap: found, ...withProblems };

  // Most translations are of the source as it is: reuse the parsed source instead of parsing it again.
  const currentBlob = gitBlobId(source.text);
  const baselineSource = found.blob === currentBlob ? source : await cache.document(history, found.blob, sourceFile, options.limits);
  // A commit that left the content as it was (a pure rename) is not a change to translate.
  const later = versions.filter((version, index) => version.commitIndex < found.position && version.blob !== found.blob && version.blob !== versions[index + 1]?.blob);
  const skip = (version: FileVersion): boolean => history.commit(version.commitIndex).skipped;
  const counted = later.filter((version) => !skip(version));
  // Skipped commits after the last counted one are left out of the comparison altogether.
  const newestCounted = counted[0];
  const target = newestCounted === undefined ? baselineSource : versions[0] === newestCounted ? source : await cache.document(history, newestCounted.blob, sourceFile, options.limits);
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

/** Commits since `position` that touched a file the source includes, skips not counted. */
async function includesChanged(history: HistoryAccess, sourceFile: string, source: ParsedDocument, position: number): Promise<Array<{ file: string; commits: number }>> {
  const changed: Array<{ file: string; commits: number }> = [];
  for (const include of includedFiles(sourceFile, source.text)) {
    const commits = (await history.versionsOf(include)).filter((version) => version.commitIndex < position && !history.commit(version.commitIndex).skipped).length;
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

export { isSkipped };

function readPin(document: ParsedDocument, keys: readonly string[]): TranslationBaseline["pin"] | undefined {
  for (const key of keys) {
    const value = lookup(document.frontMatter, key);
    if (typeof value !== "string" && typeof value !== "number") continue;
    const text = String(value).trim();
    if (text === "") continue;
    const topKey = key in document.frontMatter ? key : key.split(".")[0]!;
    return { key, value: text, line: document.frontMatterKeyLines[topKey] ?? 1 };
  }
  return undefined;
}

/** `a.b` is the key `a.b` when present (Microsoft Docs), else `b` inside the map `a` (MDN). */
function lookup(data: Record<string, unknown>, key: string): unknown {
  if (key in data) return data[key];
  let value: unknown = data;
  for (const part of key.split(".")) {
    if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
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

import path from "node:path";
import { toPosix } from "../util/posix-path.js";
import { DriftError } from "../errors.js";
import { runGitOrThrow } from "../git/run-git.js";
import { readForCheck } from "../engine/load.js";
import { NODE_FILE_SYSTEM, type FileSystem } from "../io/file-system.js";
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from "../parse/document.js";
import type { TreeLayout } from "./layout.js";
import { ownerOfFile } from "./article-path.js";
import { compareText } from "../util/compare-text.js";
import type { ScopedArticle } from "../model/report.js";

/**
 * An article a change touched, and which of its translations the change concerns: `"all"` when
 * its source changed (every translation may now be behind), else the locales whose files changed.
 */
export type ChangedArticle = ScopedArticle;

/**
 * The articles a pull request touched: those whose source or any translation changed since `ref`
 * (committed, staged, unstaged or untracked), plus the articles whose source or translations link
 * with a fragment to one of them, whose anchors may have changed (in the locales the target's
 * change concerns). One `git diff`, one `ls-files` and one `git grep`; only the files `git grep`
 * names are read, through the hardened loader (a pipe or a link to `/dev/zero` must not hang the
 * run), and none is parsed. Sorted by article, locales sorted: the report records it as is.
 */
export async function changedArticles(
  layout: TreeLayout,
  ref: string,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
  fileSystem: FileSystem = NODE_FILE_SYSTEM,
): Promise<ChangedArticle[]> {
  // Independent questions, asked at once (each git process costs its start-up); their failures
  // are reported in this order, whichever came first.
  const [topLevel, commit, filters] = await Promise.allSettled([
    git(layout.root, ["rev-parse", "--show-toplevel"]),
    git(layout.root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`]),
    filterOverrides(layout.root),
  ]);
  if (topLevel.status === "rejected") throw topLevel.reason;
  if (commit.status === "rejected") {
    throw new DriftError("GIT_FAILED", `\`${ref}\` is not a commit in this repository (in a shallow clone, fetch it first, e.g. fetch-depth: 0)`, undefined, { cause: commit.reason });
  }
  if (filters.status === "rejected") throw filters.reason;
  const top = topLevel.value.trim();
  const noFilters = filters.value;
  const [diff, untracked] = await Promise.all([
    git(layout.root, [...noFilters, "diff", "--name-only", "--no-renames", "--no-ext-diff", "--no-textconv", "-z", "--end-of-options", ref, "--"]),
    git(layout.root, ["ls-files", "--others", "--exclude-standard", "-z"]),
  ]);
  const fromTop = (file: string) => toPosix(path.relative(layout.root, path.join(top, file)));
  const fromRoot = (file: string) => toPosix(path.relative(layout.root, path.join(layout.root, file)));
  const changedFiles = [...splitNul(diff).map(fromTop), ...splitNul(untracked).map(fromRoot)];

  const changed = new Map<string, "all" | Set<string>>();
  for (const file of changedFiles) {
    const owner = ownerOfFile(layout, file);
    if (owner !== undefined) touch(changed, owner.article, owner.locale === undefined ? "all" : [owner.locale]);
  }
  for (const [article, targets] of await linkingArticles(layout, new Set(changed.keys()), limits, fileSystem)) {
    for (const target of targets) {
      const locales = changed.get(target)!;
      touch(changed, article, locales === "all" ? "all" : [...locales]);
    }
  }
  return [...changed]
    .sort(([a], [b]) => compareText(a, b))
    .map(([article, locales]) => ({ article, locales: locales === "all" ? "all" : [...locales].sort(compareText) }));
}

/** Adds locales to an article's; "all" absorbs any list. */
function touch(changed: Map<string, "all" | Set<string>>, article: string, locales: "all" | readonly string[]): void {
  const current = changed.get(article);
  if (current === "all") return;
  if (locales === "all") changed.set(article, "all");
  else changed.set(article, new Set([...(current ?? []), ...locales]));
}

const LINK_WITH_FRAGMENT = /\]\(\s*<?([^)\s#>]*\.md)#[^)\s>]*>?/g;

/** Unchanged articles that link with a fragment to changed ones, each with the changed articles it links to. */
async function linkingArticles(layout: TreeLayout, changed: ReadonlySet<string>, limits: ParseLimits, fileSystem: FileSystem): Promise<Map<string, Set<string>>> {
  const linking = new Map<string, Set<string>>();
  if (changed.size === 0) return linking;
  const names = [...new Set([...changed].map((article) => path.posix.basename(article)))];
  const dirs = [layout.sourceDir, ...layout.locales.map((locale) => locale.dir)];
  // `git grep` searches the work tree with the index's help, in threads: cheaper than reading
  // every file. Exit status 1 means no match.
  const output = await git(layout.root, ["grep", "-l", "-z", "-F", ...names.flatMap((name) => ["-e", `${name}#`]), "--", ...dirs]).catch(() => "");
  // git grep prints paths relative to the directory it runs in: the root.
  for (const file of splitNul(output).map(toPosix)) {
    const article = ownerOfFile(layout, file)?.article;
    if (article === undefined || changed.has(article)) continue;
    const read = await readForCheck(layout.root, file, limits, fileSystem);
    // A file that cannot be read links nowhere; the check reports it.
    const text = read.kind === "bytes" ? Buffer.from(read.bytes).toString("utf8") : "";
    for (const link of text.matchAll(LINK_WITH_FRAGMENT)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(article), link[1] ?? ""));
      if (changed.has(target)) linking.set(article, new Set([...(linking.get(article) ?? []), target]));
    }
  }
  return linking;
}

/**
 * Comparing with the work tree makes git run a `.gitattributes` filter's clean command on every
 * file whose stat data changed; the repository's own `.git/config` names those commands. No
 * `-c` switch turns filters off as a whole (`--attr-source` came in git 2.40), so every filter
 * the configuration defines is emptied for the one `git diff`, which then hashes files as they are.
 */
async function filterOverrides(root: string): Promise<string[]> {
  const names = await git(root, ["config", "-z", "--name-only", "--get-regexp", "^filter\\."]).catch(() => "");
  const drivers = new Set(splitNul(names).flatMap((name) => /^filter\.(.+)\.[^.]+$/s.exec(name)?.[1] ?? []));
  // `-c name=value` splits at the first `=`: such a driver could not be emptied.
  const unsafe = [...drivers].find((driver) => driver.includes("="));
  if (unsafe !== undefined) throw new DriftError("GIT_FAILED", "a filter driver in the repository's git configuration has `=` in its name and cannot be turned off; --changed-since refuses to compare with the work tree");
  return [...drivers].flatMap((driver) => ["clean", "smudge", "process"].flatMap((key) => ["-c", `filter.${driver}.${key}=`]));
}

/** Git's output as text. */
async function git(cwd: string, args: readonly string[]): Promise<string> {
  return (await runGitOrThrow(cwd, args)).toString("utf8");
}

/** NUL-separated output, as `-z` gives it: paths with any characters survive. */
function splitNul(output: string): string[] {
  return output.split("\0").filter((item) => item !== "");
}


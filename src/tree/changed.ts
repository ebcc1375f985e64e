import path from "node:path";
import { toPosix } from "../util/posix-path.js";
import { DriftError } from "../errors.js";
import { runGitOrThrow } from "../git/run-git.js";
import { readForCheck } from "../engine/load.js";
import { NODE_FILE_SYSTEM, type FileSystem } from "../io/file-system.js";
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from "../parse/document.js";
import type { TreeLayout } from "./layout.js";
import { articleOfFile } from "./article-path.js";

/**
 * The articles a pull request touched: those whose source or any translation changed since `ref`
 * (committed, staged, unstaged or untracked), plus the articles whose source or translations link
 * with a fragment to one of them, whose anchors may have changed. One `git diff`, one `ls-files`
 * and one `git grep`; only the files `git grep` names are read, through the hardened loader (a
 * pipe or a link to `/dev/zero` must not hang the run), and none is parsed.
 */
export async function changedArticles(
  layout: TreeLayout,
  ref: string,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
  fileSystem: FileSystem = NODE_FILE_SYSTEM,
): Promise<string[]> {
  const top = (await git(layout.root, ["rev-parse", "--show-toplevel"])).trim();
  try {
    await git(layout.root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch (error) {
    throw new DriftError("GIT_FAILED", `\`${ref}\` is not a commit in this repository (in a shallow clone, fetch it first, e.g. fetch-depth: 0)`, undefined, { cause: error });
  }
  const [diff, untracked] = await Promise.all([
    git(layout.root, ["diff", "--name-only", "--no-renames", "-z", ref, "--"]),
    git(layout.root, ["ls-files", "--others", "--exclude-standard", "-z"]),
  ]);
  const fromTop = (file: string) => toPosix(path.relative(layout.root, path.join(top, file)));
  const fromRoot = (file: string) => toPosix(path.relative(layout.root, path.join(layout.root, file)));
  const changedFiles = [...splitNul(diff).map(fromTop), ...splitNul(untracked).map(fromRoot)];

  const changed = new Set<string>();
  for (const file of changedFiles) {
    const article = articleOfFile(layout, file);
    if (article !== undefined) changed.add(article);
  }
  for (const article of await linkingArticles(layout, changed, limits, fileSystem)) changed.add(article);
  return [...changed].sort();
}

const LINK_WITH_FRAGMENT = /\]\(\s*<?([^)\s#>]*\.md)#[^)\s>]*>?/g;

async function linkingArticles(layout: TreeLayout, changed: ReadonlySet<string>, limits: ParseLimits, fileSystem: FileSystem): Promise<string[]> {
  if (changed.size === 0) return [];
  const names = [...new Set([...changed].map((article) => path.posix.basename(article)))];
  const dirs = [layout.sourceDir, ...layout.locales.map((locale) => locale.dir)];
  // `git grep` searches the work tree with the index's help, in threads: cheaper than reading
  // every file. Exit status 1 means no match.
  const output = await git(layout.root, ["grep", "-l", "-z", "-F", ...names.flatMap((name) => ["-e", `${name}#`]), "--", ...dirs]).catch(() => "");
  const linking = new Set<string>();
  // git grep prints paths relative to the directory it runs in: the root.
  for (const file of splitNul(output).map(toPosix)) {
    const article = articleOfFile(layout, file);
    if (article === undefined || changed.has(article)) continue;
    const read = await readForCheck(layout.root, file, limits, fileSystem);
    // A file that cannot be read links nowhere; the check reports it.
    const text = read.kind === "bytes" ? Buffer.from(read.bytes).toString("utf8") : "";
    for (const link of text.matchAll(LINK_WITH_FRAGMENT)) {
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(article), link[1] ?? ""));
      if (changed.has(target)) linking.add(article);
    }
  }
  return [...linking];
}

/** Git's output as text. */
async function git(cwd: string, args: readonly string[]): Promise<string> {
  return (await runGitOrThrow(cwd, args)).toString("utf8");
}

/** NUL-separated output, as `-z` gives it: paths with any characters survive. */
function splitNul(output: string): string[] {
  return output.split("\0").filter((item) => item !== "");
}


import path from "node:path";
import { ObjectReader, type ObjectReaderOptions } from "./cat-file.js";
import { LOG_FORMAT, parseRawLog, type Commit } from "./log.js";
import { runGit, runGitOrThrow } from "./run-git.js";

/** One version of a file: the commit that wrote it and the blob it wrote. */
export interface FileVersion {
  /** Position in the log, newest first: a smaller index is a later commit. */
  commitIndex: number;
  commit: string;
  /** Path relative to the checked tree's root at that commit, `/` separators. */
  path: string;
  blob: string;
  status: string;
  /** For a rename: the path the file had before this commit. */
  from?: string;
}

export type HistoryUnavailableReason = "not-a-repository" | "git-missing";

/** History for a tree, read once: one `git log` pass and one `git cat-file --batch` process. */
export interface GitHistory {
  available: true;
  /** The checked tree's path inside the repository, `/`-terminated, or "". */
  prefix: string;
  shallow: boolean;
  commits: Commit[];
  reader: ObjectReader;
  /** Versions of a file, newest first, following renames back to where it was added. */
  versionsOf(file: string): FileVersion[];
  /** Where a file that no longer exists was renamed to, following later renames; undefined if never. */
  renamedTo(file: string): { path: string; commitIndex: number } | undefined;
  indexOf(commit: string): number | undefined;
  /** Commits a shallow clone starts from: they show every file as added. */
  isShallowBoundary(commitIndex: number): boolean;
  /** The name `git cat-file` needs for a root-relative path. */
  repoPath(file: string): string;
  close(): void;
}

export type History = GitHistory | { available: false; reason: HistoryUnavailableReason };

/**
 * What the log pass reads, relative to the checked tree's root: folders with the globs of the
 * files to follow in them, and single files (such as includes outside those folders). Without a
 * scope the whole tree is read.
 */
export interface HistoryScope {
  folders: ReadonlyArray<{ dir: string; globs: readonly string[] }>;
  files: readonly string[];
}

/**
 * Reads the history of everything under `root`. Not being in a repository, or git not being
 * installed, is an answer (the caller falls back to dates); a repository git cannot read is a
 * `GIT_FAILED` error.
 */
export async function loadHistory(root: string, readerOptions: ObjectReaderOptions = {}, scope?: HistoryScope): Promise<History> {
  let probe;
  try {
    probe = await runGit(root, ["rev-parse", "--show-toplevel", "--show-prefix", "--is-shallow-repository"]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { available: false, reason: "git-missing" };
    throw error;
  }
  if (probe.exitCode !== 0) {
    if (/not a git repository/i.test(probe.stderr)) return { available: false, reason: "not-a-repository" };
    await runGitOrThrow(root, ["rev-parse", "--show-toplevel"]);
  }
  const [topLevel = root, prefix = "", shallow = "false"] = probe.stdout.toString("utf8").split("\n");
  // `--raw` is `--name-status` plus the blob ids, which hash pins and `cat-file` need; `-M`
  // detects renames; `-z` keeps any file name intact. A repository with no commit yet has nothing to tell.
  const head = await runGit(topLevel, ["rev-parse", "--verify", "--quiet", "HEAD"]);
  const pathspecs = scope ? scopePathspecs(prefix, scope) : [prefix === "" ? "." : prefix];
  const log = head.exitCode === 0 && pathspecs.length > 0 ? await runGitOrThrow(topLevel, ["log", "-z", "--raw", "--no-abbrev", "-M", "--no-color", LOG_FORMAT, "--", ...pathspecs]) : Buffer.alloc(0);
  return indexHistory(parseRawLog(log), prefix, shallow.trim() === "true", new ObjectReader(topLevel, readerOptions));
}

/**
 * Pathspecs for the scope, relative to the repository's top level. Only the documents are read:
 * rename detection reads the blobs of the files it compares, and a repository may lack some
 * (images left out of a partial clone), which would fail the whole pass. Folders outside the
 * tree (`../`) have no history in it and are left out.
 */
export function scopePathspecs(prefix: string, scope: HistoryScope): string[] {
  const specs = new Set<string>();
  const inTree = (relative: string): string | undefined => {
    const inside = path.posix.normalize(relative);
    if (inside === ".." || inside.startsWith("../") || path.posix.isAbsolute(inside)) return undefined;
    const joined = path.posix.join(prefix, inside);
    return joined === "." ? "" : joined.replace(/\/+$/, "");
  };
  for (const folder of scope.folders) {
    const dir = inTree(folder.dir);
    if (dir === undefined) continue;
    const base = dir === "" ? "" : `${escapeGlob(dir)}/`;
    for (const glob of folder.globs) {
      const patterns = gitGlobs(glob);
      // A glob git cannot read as written: the whole folder, a superset, is read instead.
      for (const pattern of patterns ?? ["**"]) specs.add(`:(glob)${base}${pattern}`);
    }
  }
  for (const file of scope.files) {
    const joined = inTree(file);
    if (joined !== undefined && joined !== "") specs.add(`:(literal)${joined}`);
  }
  return [...specs];
}

/** Characters that git's glob pathspecs treat as special, escaped so that a folder name is literal. */
function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, (character) => `\\${character}`);
}

/**
 * A discovery glob as git glob pathspecs. Git's wildmatch knows `*`, `?`, `**` and `[...]` but not
 * braces, so `{md,mdx}` is expanded here (hand-written: the one brace form presets use, one level,
 * no ranges). Anything else fast-glob reads differently (`!(x)`, `+(x)`, `@(x)`, a leading `!`) is
 * undefined: the caller reads more rather than less.
 */
export function gitGlobs(glob: string): string[] | undefined {
  if (/[!+@]\(|^!|\\/.test(glob)) return undefined;
  const brace = /\{([^{}]*)\}/.exec(glob);
  if (!brace) return /[{}]/.test(glob) ? undefined : [glob];
  const expanded: string[] = [];
  for (const option of brace[1]!.split(",")) {
    const rest = gitGlobs(glob.slice(0, brace.index) + option + glob.slice(brace.index + brace[0].length));
    if (rest === undefined) return undefined;
    expanded.push(...rest);
  }
  return expanded;
}

export function indexHistory(commits: Commit[], prefix: string, shallow: boolean, reader: ObjectReader): GitHistory {
  const byPath = new Map<string, FileVersion[]>();
  const renamedFrom = new Map<string, { path: string; commitIndex: number }>();
  const commitIndex = new Map<string, number>();
  const local = (repoPath: string): string | undefined => (repoPath.startsWith(prefix) ? repoPath.slice(prefix.length) : undefined);
  commits.forEach((commit, index) => {
    commitIndex.set(commit.hash, index);
    for (const change of commit.changes) {
      const file = local(change.path);
      if (file === undefined) continue;
      const version: FileVersion = { commitIndex: index, commit: commit.hash, path: file, blob: change.blob, status: change.status };
      const oldFile = local(change.oldPath);
      if (change.status === "R" && oldFile !== undefined) {
        version.from = oldFile;
        // The log is newest first: the first rename seen away from a path is the latest one.
        if (!renamedFrom.has(oldFile)) renamedFrom.set(oldFile, { path: file, commitIndex: index });
      }
      push(byPath, file, version);
    }
  });

  function versionsOf(file: string): FileVersion[] {
    const versions: FileVersion[] = [];
    let name: string | undefined = file;
    // After a rename, only versions older than it belong to this file. Each hop goes strictly
    // further back, so a file renamed away and back (A → B → A) is followed, and no loop is possible.
    let newerThan = -1;
    while (name !== undefined) {
      let next: string | undefined;
      for (const version of byPath.get(name) ?? []) {
        if (version.commitIndex <= newerThan) continue;
        if (version.status === "D") {
          // Deleted, then added again later: this file's history starts after the deletion.
          if (versions.length > 0) break;
          continue;
        }
        versions.push(version);
        if (version.from !== undefined) {
          next = version.from;
          newerThan = version.commitIndex;
          break;
        }
        if (version.status === "A" || version.status === "C") break;
      }
      name = next;
    }
    return versions;
  }

  function renamedTo(file: string): { path: string; commitIndex: number } | undefined {
    let target = renamedFrom.get(file);
    const seen = new Set<string>([file]);
    while (target) {
      const later = renamedFrom.get(target.path);
      if (!later || later.commitIndex >= target.commitIndex || seen.has(later.path)) return target;
      seen.add(target.path);
      target = later;
    }
    return undefined;
  }

  return {
    available: true,
    prefix,
    shallow,
    commits,
    reader,
    versionsOf,
    renamedTo,
    indexOf: (commit) => commitIndex.get(commit),
    isShallowBoundary: (index) => shallow && commits[index]?.parents.length === 0,
    repoPath: (file) => path.posix.join(prefix, file),
    close: () => reader.close(),
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}


import picomatch from "picomatch";
import path from "node:path";
import type { MessagePort } from "node:worker_threads";
import type { ObjectRead } from "../git/cat-file.js";
import type { FileVersion, GitHistory } from "../git/history.js";

/** What a baseline needs to know of one commit: plain data, sent to workers. */
export interface CommitFacts {
  /** Committer date, seconds since the epoch. */
  time: number;
  /** Has no parent: in a shallow clone, the commit the clone starts from. */
  parentless: boolean;
  /** Its message carries a skip marker: it needs no translation. */
  skipped: boolean;
  /** Lunaria's directive in its body, when there is one: it skips the commit for some files only. */
  directive?: LunariaDirective;
}

export interface LunariaDirective {
  kind: "track" | "ignore";
  globs: string[];
}

/**
 * History as baselines read it. In the thread that read the log it answers from the log itself;
 * in a worker it answers from what the task carried and asks the main thread for the rest, so
 * history is read once per run, by one `git log` and one `git cat-file`, whatever the thread count.
 */
export interface HistoryAccess {
  shallow: boolean;
  versionsOf(file: string): Promise<FileVersion[]>;
  /** Facts of a commit at a log position that `versionsOf` returned. */
  commit(index: number): CommitFacts;
  indexOf(commit: string): Promise<number | undefined>;
  read(name: string): Promise<ObjectRead>;
  /** The name `git cat-file` needs for a root-relative path. */
  repoPath(file: string): string;
}

/** What one task's files have in history, for a worker: versions of each file and the facts of their commits. */
export interface HistorySlice {
  versions: Record<string, FileVersion[]>;
  commits: Record<number, CommitFacts>;
}

export function commitFacts(history: GitHistory, index: number, markers: readonly string[]): CommitFacts {
  const commit = history.commits[index]!;
  const directive = lunariaDirective(commit.message);
  return { time: commit.time, parentless: commit.parents.length === 0, skipped: isSkipped(commit.message, markers), ...(directive && { directive }) };
}

/** Whether a commit needs no translation for `file` (root-relative): a marker, or Lunaria's directive for the file. */
export function skippedFor(facts: CommitFacts, file: string): boolean {
  if (facts.skipped) return true;
  if (facts.directive === undefined) return false;
  const matches = facts.directive.globs.some((glob) => picomatch.isMatch(file, glob, { dot: true }));
  return facts.directive.kind === "ignore" ? matches : !matches;
}

/**
 * Whether a commit needs no translation for `file` (root-relative): its message contains a marker
 * (case-insensitive), or its body carries Lunaria's directive for the file. As Lunaria reads
 * them, only the first directive in the body counts, and it lists globs separated by `;`:
 * `@lunaria-ignore:<globs>` skips the commit for the files matching one of them, and
 * `@lunaria-track:<globs>` counts it only for those files, skipping it for every other.
 * (Lunaria 0.1.1 skips a file only when it matches every glob of a multi-glob ignore; one glob,
 * the common case, reads the same both ways.)
 */
export function isSkipped(message: string, markers: readonly string[], file?: string): boolean {
  // A directive is not a marker: `@lunaria-ignore:<globs>` names the files it skips, even where
  // `lunaria-ignore` is also a keyword (Lunaria reads keywords in the subject alone).
  const lower = message.replace(DIRECTIVE_LINE, "").toLowerCase();
  if (markers.some((marker) => lower.includes(marker.toLowerCase()))) return true;
  if (file === undefined) return false;
  const directive = lunariaDirective(message);
  return directive !== undefined && skippedFor({ time: 0, parentless: false, skipped: false, directive }, file);
}

const DIRECTIVE_LINE = /@lunaria-(?:track|ignore):[^\n]*/g;

/** The first `@lunaria-track:` or `@lunaria-ignore:` directive of a commit's body (after its subject line). */
export function lunariaDirective(message: string): LunariaDirective | undefined {
  const newline = message.indexOf("\n");
  if (newline === -1) return undefined;
  const match = /@lunaria-(track|ignore):([^\n]*)/.exec(message.slice(newline + 1));
  if (!match) return undefined;
  const globs = match[2]!.split(";").map((glob) => glob.trim()).filter((glob) => glob !== "");
  return { kind: match[1] === "track" ? "track" : "ignore", globs };
}

/** The log itself, in the thread that read it. */
export function localAccess(history: GitHistory, markers: readonly string[]): HistoryAccess {
  return {
    shallow: history.shallow,
    versionsOf: (file) => Promise.resolve(history.versionsOf(file)),
    commit: (index) => commitFacts(history, index, markers),
    indexOf: (commit) => Promise.resolve(history.indexOf(commit)),
    read: (name) => history.reader.read(name),
    repoPath: (file) => history.repoPath(file),
  };
}

/** The versions of `files` and the facts of every commit they name. */
export function sliceOf(history: GitHistory, files: readonly string[], markers: readonly string[]): HistorySlice {
  const slice: HistorySlice = { versions: Object.create(null) as Record<string, FileVersion[]>, commits: Object.create(null) as Record<number, CommitFacts> };
  for (const file of files) addVersions(slice, file, history.versionsOf(file), history, markers);
  return slice;
}

function addVersions(slice: HistorySlice, file: string, versions: FileVersion[], history: GitHistory, markers: readonly string[]): void {
  slice.versions[file] = versions;
  for (const version of versions) slice.commits[version.commitIndex] ??= commitFacts(history, version.commitIndex, markers);
}

type Question = { op: "versions"; file: string } | { op: "index"; commit: string } | { op: "read"; name: string };
type Request = Question & { id: number };
type Reply = { id: number; versions: FileVersion[]; commits: Record<number, CommitFacts> } | { id: number; index: number | undefined } | { id: number; read: ObjectRead };

/**
 * Answers a worker's questions from the main thread's history until the port is closed. Object
 * contents are copied, not transferred: a buffer may share its memory with others.
 */
export function serveHistory(port: MessagePort, history: GitHistory, markers: readonly string[]): void {
  port.on("message", (request: Request) => {
    if (request.op === "versions") {
      const slice = sliceOf(history, [request.file], markers);
      port.postMessage({ id: request.id, versions: slice.versions[request.file] ?? [], commits: slice.commits } satisfies Reply);
    } else if (request.op === "index") {
      port.postMessage({ id: request.id, index: history.indexOf(request.commit) } satisfies Reply);
    } else {
      void history.reader.read(request.name).then((read) => port.postMessage({ id: request.id, read } satisfies Reply));
    }
  });
}

/** History in a worker: the task's slice, and the main thread through `port` for anything else. */
export function remoteAccess(slice: HistorySlice, port: MessagePort, shallow: boolean, prefix: string): HistoryAccess {
  const versions = new Map(Object.entries(slice.versions));
  const commits = new Map(Object.entries(slice.commits).map(([index, facts]) => [Number(index), facts]));
  const waiting = new Map<number, (reply: Reply) => void>();
  let next = 0;
  port.on("message", (reply: Reply) => {
    const resolve = waiting.get(reply.id);
    waiting.delete(reply.id);
    resolve?.(reply);
  });
  const ask = <R extends Reply>(request: Question): Promise<R> =>
    new Promise((resolve) => {
      const id = next++;
      waiting.set(id, resolve as (reply: Reply) => void);
      port.postMessage({ ...request, id });
    });
  return {
    shallow,
    async versionsOf(file) {
      const known = versions.get(file);
      if (known) return known;
      const reply = await ask<Extract<Reply, { versions: FileVersion[] }>>({ op: "versions", file });
      for (const [index, facts] of Object.entries(reply.commits)) commits.set(Number(index), facts);
      versions.set(file, reply.versions);
      return reply.versions;
    },
    commit: (index) => {
      const facts = commits.get(index);
      if (!facts) throw new Error(`no facts for commit ${index} in this task's history`);
      return facts;
    },
    indexOf: async (commit) => (await ask<Extract<Reply, { index: number | undefined }>>({ op: "index", commit })).index,
    async read(name) {
      const { read } = await ask<Extract<Reply, { read: ObjectRead }>>({ op: "read", name });
      // Structured cloning turns a Buffer into a plain Uint8Array.
      return read.found ? { ...read, content: Buffer.from(read.content.buffer, read.content.byteOffset, read.content.byteLength) } : read;
    },
    repoPath: (file) => path.posix.join(prefix, file),
  };
}

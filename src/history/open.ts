import path from "node:path";
import type { MessagePort } from "node:worker_threads";
import picomatch from "picomatch";
import { loadHistory, type GitHistory, type HistoryScope } from "../git/history.js";
import { runGit } from "../git/run-git.js";
import { readRegularFile } from "../io/regular-file.js";
import { localAccess, remoteAccess, serveHistory, sliceOf, type HistoryAccess, type HistorySlice } from "./access.js";
import { BlobCache, includedFiles, resolveBaseline, type BaselineOptions } from "./baseline.js";
import { changeSince, dateProvider, gapList, type HistoryProvider, type SharedHistory } from "./provider.js";

/**
 * Opens the tree's git history once for the run; `enabled: false` gives the date fallback without
 * a note. With a scope, only the documents in it and the files its sources include are read.
 */
export async function openHistory(root: string, options: BaselineOptions & { enabled: boolean }, scope?: HistoryScope & { sourceDir: string }): Promise<HistoryProvider> {
  if (!options.enabled) return dateProvider("disabled");
  const readerOptions = { maxObjectBytes: options.limits.maxFileBytes };
  // The log over the folders starts at once; the includes outside them are rare, and only when
  // there are some is the log read again with them.
  const [history, outside] = await Promise.all([loadHistory(root, readerOptions, scope), scope ? includesOutside(root, scope, options.limits.maxFileBytes) : []]);
  if (!history.available) return dateProvider(history.reason);
  if (outside.length === 0) return gitProvider(history, options);
  history.close();
  const wider = await loadHistory(root, readerOptions, { folders: scope!.folders, files: [...scope!.files, ...outside] });
  return wider.available ? gitProvider(wider, options) : dateProvider(wider.reason);
}

/**
 * Files that sources include (`[!INCLUDE …]`) outside the scope's folders: their history counts
 * too. `git grep` finds the few sources that have an include, without reading every file here;
 * it searches tracked files, and an untracked source has no baseline to compare includes from.
 */
async function includesOutside(root: string, scope: HistoryScope & { sourceDir: string }, maxFileBytes: number): Promise<string[]> {
  const where = scope.sourceDir === "" || scope.sourceDir === "." ? "." : `:(literal)${scope.sourceDir}`;
  const grep = await runGit(root, ["grep", "-l", "-z", "-i", "-F", "-e", "[!include", "--", where]).catch(() => undefined);
  // Exit 1 is "no match"; any other failure leaves the scope as it is, as the log will say.
  if (grep?.exitCode !== 0) return [];
  const covered = scope.folders.map((folder) => ({ dir: folder.dir, matches: picomatch([...folder.globs]) }));
  const isCovered = (file: string) =>
    covered.some(({ dir, matches }) => {
      const relative = path.posix.relative(path.posix.normalize(dir), file);
      return !relative.startsWith("../") && relative !== ".." && matches(relative);
    });
  const outside = new Set<string>();
  for (const file of grep.stdout.toString("utf8").split("\0").filter((name) => name !== "")) {
    // Read as documents are: a link, a pipe or a file over the limit is not followed or read.
    const read = await readRegularFile(path.join(root, file), maxFileBytes).catch(() => undefined);
    if (read?.bytes === undefined) continue;
    const text = Buffer.from(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength).toString("utf8");
    for (const include of includedFiles(file, text)) if (!isCovered(include)) outside.add(include);
  }
  return [...outside].sort();
}

function gitProvider(history: GitHistory, options: BaselineOptions): HistoryProvider {
  const cache = new BlobCache();
  const access = localAccess(history, options.skipMarkers);
  return {
    baselineFor: (sourceFile, source, translation) => resolveBaseline(access, sourceFile, source, translation, options, cache),
    changeSince: (ref, translation) => changeSince(access, ref, translation, options.pinKeys),
    renamedSource: (sourceFile) => history.renamedTo(sourceFile)?.path,
    summary: (tally) => ({ state: "available", shallow: history.shallow, gaps: gapList(tally), unknownPins: tally.unknownPins, importedPins: tally.importedPins }),
    shared: {
      facts: { shallow: history.shallow, prefix: history.prefix },
      slice: (files) => sliceOf(history, files, options.skipMarkers),
      serve: (port) => serveHistory(port, history, options.skipMarkers),
    },
    close: () => history.close(),
  };
}

/**
 * History in a worker, for one batch: baselines come from the batch's slice and the main thread's
 * answers; the blob cache lives as long as the worker.
 */
export function workerProvider(slice: HistorySlice, port: MessagePort, facts: SharedHistory["facts"], options: BaselineOptions, cache: BlobCache): HistoryProvider {
  const access: HistoryAccess = remoteAccess(slice, port, facts.shallow, facts.prefix);
  return {
    baselineFor: (sourceFile, source, translation) => resolveBaseline(access, sourceFile, source, translation, options, cache),
    changeSince: (ref, translation) => changeSince(access, ref, translation, options.pinKeys),
    // Renames and the run's summary are the main thread's business.
    renamedSource: () => undefined,
    summary: () => ({ state: "available", shallow: facts.shallow, gaps: [], unknownPins: 0, importedPins: 0 }),
    close: () => port.close(),
  };
}


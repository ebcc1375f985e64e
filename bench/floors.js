#!/usr/bin/env node
// The two floors the benchmark compares against, each run as its own process so its wall time and
// peak memory are measured like any other tool's:
//   read   fs.readFile of every Markdown file under articles/ and locales/
//   parse  read + gray-matter + unified().use(remarkParse).parse, the least any Markdown checker pays
//
//   node bench/floors.js read|parse ROOT [--list FILE] [--threads N]
//
// --list: a file of root-relative paths, one a line (the files a check of an existing checkout
// read); without it, every `articles/**/*.md` and `locales/*/**/*.md`. --threads: parse the files
// in N worker threads, each taking its share, for the bare parse's own gain from threads.
import fg from "fast-glob";
import matter from "gray-matter";
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import remarkParse from "remark-parse";
import { unified } from "unified";

const { values, positionals } = isMainThread ? parseArgs({ allowPositionals: true, options: { list: { type: "string" }, threads: { type: "string", default: "1" } } }) : { values: {}, positionals: [] };
const [mode, root] = isMainThread ? positionals : [workerData.mode, workerData.root];
const threads = Number(values.threads ?? 1);
if ((mode !== "read" && mode !== "parse") || !root || !(threads >= 1)) {
  process.stderr.write("usage: node bench/floors.js read|parse ROOT [--list FILE] [--threads N]\n");
  process.exit(2);
}

const files = !isMainThread
  ? workerData.files
  : values.list
    ? readFileSync(values.list, "utf8").split("\n").filter((line) => line !== "")
    : await fg(["articles/**/*.md", "locales/*/**/*.md"], { cwd: root, onlyFiles: true });
const parser = unified().use(remarkParse);
// Bounded concurrency: enough to keep the disk busy, far below the open-file limit.
const CONCURRENCY = 64;
let next = 0;
let bytes = 0;
let nodes = 0;

async function drain() {
  while (next < files.length) {
    const file = files[next++];
    const text = await readFile(path.join(root, file), "utf8");
    bytes += text.length;
    if (mode === "parse") {
      // An options object turns off gray-matter's cache, which would otherwise keep every file.
      const { content } = matter(text, {});
      nodes += parser.parse(content).children.length;
    }
  }
}

if (isMainThread && threads > 1) {
  // Every thread-th file to each thread, so that each gets a like share of large and small files.
  const shares = Array.from({ length: threads }, (_, index) => files.filter((_, position) => position % threads === index));
  const counts = await Promise.all(
    shares.map(
      (share) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: { mode, root, files: share } });
          worker.once("message", resolve);
          worker.once("error", reject);
        }),
    ),
  );
  for (const count of counts) {
    bytes += count.bytes;
    nodes += count.nodes;
  }
} else {
  await Promise.all(Array.from({ length: CONCURRENCY }, drain));
}
if (isMainThread) process.stdout.write(`${JSON.stringify({ mode, files: files.length, threads, characters: bytes, topLevelNodes: nodes })}\n`);
else parentPort.postMessage({ bytes, nodes });

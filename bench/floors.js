#!/usr/bin/env node
// The two floors the benchmark compares against, each run as its own process so its wall time and
// peak memory are measured like any other tool's:
//   read   fs.readFile of every Markdown file under articles/ and locales/
//   parse  read + gray-matter + unified().use(remarkParse).parse, the least any Markdown checker pays
//
//   node bench/floors.js read|parse ROOT
import fg from "fast-glob";
import matter from "gray-matter";
import { readFile } from "node:fs/promises";
import path from "node:path";
import remarkParse from "remark-parse";
import { unified } from "unified";

const [mode, root] = process.argv.slice(2);
if ((mode !== "read" && mode !== "parse") || !root) {
  process.stderr.write("usage: node bench/floors.js read|parse ROOT\n");
  process.exit(2);
}

const files = await fg(["articles/**/*.md", "locales/*/**/*.md"], { cwd: root, onlyFiles: true });
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

await Promise.all(Array.from({ length: CONCURRENCY }, drain));
process.stdout.write(`${JSON.stringify({ mode, files: files.length, characters: bytes, topLevelNodes: nodes })}\n`);

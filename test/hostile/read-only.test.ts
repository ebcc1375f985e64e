import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { lstat, readdir, readFile, readlink, symlink } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli/main.js";
import { makeTree } from "../support/fixtures.js";
import { GOOD_TRANSLATION, SOURCE } from "./trees.js";

/**
 * Every command, with the files it is documented to write (relative to the root); anything else
 * it changes under the root fails the test. A command the CLI does not have yet is skipped, so
 * new commands are covered from the day they land: set their arguments and documented
 * outputs here then.
 */
const COMMANDS: Array<{ name: string; args: (root: string) => string[]; writes: string[] }> = [
  { name: "check", args: (root) => ["check", "--root", root], writes: [] },
  { name: "check", args: (root) => ["check", "--root", root, "--format", "json", "--output", path.join(root, "out/drift.json")], writes: ["out/drift.json"] },
  { name: "report", args: (root) => ["report", "--root", root], writes: ["reports/drift.json", "reports/drift.md", "reports/drift.sarif", "reports/index.html", "reports/status.json"] },
  { name: "rules", args: () => ["rules"], writes: [] },
  { name: "diff", args: (root) => ["diff", "--root", root, "guide.md"], writes: [] },
  { name: "status", args: (root) => ["status", "--root", root], writes: [] },
  { name: "suppress", args: (root) => ["suppress", "--root", root], writes: [".l10n-drift-baseline.json"] },
  // `baseline` is the former name of `suppress`, kept as an alias.
  { name: "suppress", args: (root) => ["baseline", "--root", root], writes: [".l10n-drift-baseline.json"] },
];

/** Type, mode, modification time and content hash (or link target) of every entry but `.git/`. */
async function fingerprint(root: string, relative = ""): Promise<Map<string, string>> {
  const prints = new Map<string, string>();
  for (const entry of await readdir(path.join(root, relative), { withFileTypes: true })) {
    const child = path.posix.join(relative, entry.name);
    if (child === ".git") continue;
    const absolute = path.join(root, child);
    const stats = await lstat(absolute);
    if (entry.isDirectory()) {
      prints.set(`${child}/`, `dir ${stats.mode}`);
      for (const [name, print] of await fingerprint(root, child)) prints.set(name, print);
    } else if (entry.isSymbolicLink()) {
      prints.set(child, `link ${await readlink(absolute)}`);
    } else if (entry.isFile()) {
      prints.set(child, `file ${stats.mode} ${stats.mtimeMs} ${createHash("sha256").update(await readFile(absolute)).digest("hex")}`);
    } else {
      prints.set(child, `other ${stats.mode} ${stats.mtimeMs}`);
    }
  }
  return prints;
}

/** Sound and broken documents, a link, a pipe and an earlier report, committed to git. */
async function mixedTree(): Promise<string> {
  const root = await makeTree({
    "articles/guide.md": SOURCE,
    "articles/empty.md": "",
    "locales/de/guide.md": "---js\nrequire('node:fs').writeFileSync('ran', '')\n---\n# Guide\n",
    "locales/sv/guide.md": GOOD_TRANSLATION,
    "locales/sv/retired.md": "# Retired\n",
    "locales/nl/guide.md": new Uint8Array([0xff, 0xfe, 0x23, 0x00]),
    "reports/drift.json": "{}\n",
  });
  await symlink("guide.md", path.join(root, "locales/nl/loop.md"));
  execFileSync("mkfifo", [path.join(root, "locales/nl/pipe.md")]);
  const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", ...args], { cwd: root, stdio: "ignore" });
  git("init", "--quiet");
  git("add", "articles", "locales/de", "locales/sv");
  git("commit", "--quiet", "-m", "Docs");
  return root;
}

let available: Set<string>;

beforeAll(async () => {
  let help = "";
  const io: CliIo = { stdout: (text) => void (help += text), stderr: () => undefined, env: {}, stdoutIsTty: false, cwd: process.cwd() };
  await main(["--help"], io);
  available = new Set([...help.matchAll(/^ {2}([a-z]+)\b/gm)].map((match) => match[1]!));
});

describe("commands change nothing but what they are documented to write", () => {
  for (const command of COMMANDS) {
    const label = `${command.args("ROOT").join(" ")}${command.writes.length > 0 ? ` writes only ${command.writes.join(", ")}` : " writes nothing"}`;
    it(label, async (context) => {
      if (!available.has(command.name)) context.skip(`\`${command.name}\` is not a command of this version yet`);
      const root = await mixedTree();
      const before = await fingerprint(root);
      const io: CliIo = { stdout: () => undefined, stderr: () => undefined, env: {}, stdoutIsTty: false, cwd: root };
      expect(await main(command.args(root), io)).toBeLessThan(2);
      const after = await fingerprint(root);
      const changed = [...new Set([...before.keys(), ...after.keys()])].filter((name) => before.get(name) !== after.get(name)).sort();
      const documented = new Set(command.writes.flatMap((file) => [file, ...parents(file)]));
      expect(changed.filter((name) => !documented.has(name))).toEqual([]);
    });
  }
});

/** `a/b/c.json` → `a/`, `a/b/`: directories a documented write may create or touch. */
function parents(file: string): string[] {
  const parts = file.split("/").slice(0, -1);
  return parts.map((_, index) => `${parts.slice(0, index + 1).join("/")}/`);
}

import { execFileSync, spawnSync } from "node:child_process";
import { chmod, mkdir, readdir, rm, symlink } from "node:fs/promises";
import type { FileHandle } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli/main.js";
import { NODE_FILE_SYSTEM, type FileSystem } from "../../src/io/file-system.js";
import { makeTree } from "../support/fixtures.js";
import { stageBuiltCli } from "../support/stage-cli.js";
import { cannotRead, checkAndExpectTheRestChecked, findingsOf, GOOD_TRANSLATION, HOSTILE_FILE, treeWithTranslation } from "./trees.js";

/** A file system that runs `before` ahead of each open, and counts the bytes read. */
function watchedFileSystem(before: (file: string) => Promise<void> = async () => undefined): FileSystem & { bytesRead: Map<string, number> } {
  const bytesRead = new Map<string, number>();
  return {
    ...NODE_FILE_SYSTEM,
    bytesRead,
    async open(file, flags) {
      await before(file);
      const handle = await NODE_FILE_SYSTEM.open(file, flags);
      const read: FileHandle["read"] = async (...args: Parameters<FileHandle["read"]>) => {
        const result = await (handle.read as (...a: typeof args) => ReturnType<FileHandle["read"]>)(...args);
        bytesRead.set(file, (bytesRead.get(file) ?? 0) + result.bytesRead);
        return result;
      };
      return Object.assign(Object.create(handle) as FileHandle, { read, stat: handle.stat.bind(handle), close: handle.close.bind(handle) });
    },
  };
}

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

describe("files that cannot be read", () => {
  it("a file without read permission", async () => {
    const root = await treeWithTranslation(GOOD_TRANSLATION);
    await chmod(path.join(root, HOSTILE_FILE), 0o000);
    if (!isRoot) {
      const report = await checkAndExpectTheRestChecked(root);
      expect(findingsOf(report, HOSTILE_FILE)).toEqual([cannotRead(undefined, "the file cannot be read (permission denied)")]);
      return;
    }
    // Root reads any file whatever its mode, so the built CLI runs as `nobody`, for whom the
    // rest of the tree is readable and the file is not.
    for (const directory of [root, path.join(root, "articles"), path.join(root, "locales"), path.join(root, "locales/de"), path.join(root, "locales/sv")]) await chmod(directory, 0o755);
    // The built CLI is staged where `nobody` can read it, wherever this clone sits.
    const run = spawnSync(process.execPath, [await stageBuiltCli(), "check", "--root", root, "--format", "json", "--fail-on", "never"], { uid: NOBODY, gid: NOBODY, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as Parameters<typeof findingsOf>[0];
    expect(findingsOf(report, HOSTILE_FILE)).toEqual([cannotRead(undefined, "the file cannot be read (permission denied)")]);
  });

  it("a file that refuses access when opened, through the file-system seam", async () => {
    const root = await treeWithTranslation(GOOD_TRANSLATION);
    const fileSystem = watchedFileSystem(async (file) => {
      if (file.endsWith(HOSTILE_FILE)) throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    });
    expect(findingsOf(await checkAndExpectTheRestChecked(root, { fileSystem }), HOSTILE_FILE)).toEqual([cannotRead(undefined, "the file cannot be read (permission denied)")]);
  });

  it("a file deleted between discovery and reading", async () => {
    const root = await treeWithTranslation(GOOD_TRANSLATION);
    const fileSystem = watchedFileSystem(async (file) => {
      if (file.endsWith(HOSTILE_FILE)) await rm(file);
    });
    expect(findingsOf(await checkAndExpectTheRestChecked(root, { fileSystem }), HOSTILE_FILE)).toEqual([cannotRead(undefined, "the file cannot be read (it was deleted while the check ran)")]);
  });

  it("a directory named like a document", async () => {
    const root = await treeWithTranslation(GOOD_TRANSLATION);
    await rm(path.join(root, HOSTILE_FILE));
    await mkdir(path.join(root, HOSTILE_FILE));
    expect(findingsOf(await checkAndExpectTheRestChecked(root), HOSTILE_FILE)).toEqual([cannotRead(undefined, "the file cannot be read (it is a directory)")]);
  });

  it("a named pipe does not block the run", async () => {
    const root = await treeWithTranslation(GOOD_TRANSLATION);
    await rm(path.join(root, HOSTILE_FILE));
    execFileSync("mkfifo", [path.join(root, HOSTILE_FILE)]);
    expect(findingsOf(await checkAndExpectTheRestChecked(root), HOSTILE_FILE)).toEqual([cannotRead(undefined, "the file cannot be read (it is a named pipe, not a regular file)")]);
  });
});

describe("symbolic links", () => {
  async function treeWithLink(target: (root: string) => string): Promise<string> {
    const root = await treeWithTranslation(GOOD_TRANSLATION);
    await rm(path.join(root, HOSTILE_FILE));
    await symlink(target(root), path.join(root, HOSTILE_FILE));
    return root;
  }

  it("a link in a loop", async () => {
    const root = await treeWithLink(() => "guide.md");
    expect(findingsOf(await checkAndExpectTheRestChecked(root), HOSTILE_FILE)).toEqual([cannotRead(undefined, "the file cannot be read (it is a symbolic link loop)")]);
  });

  it("a link out of the tree is reported and never followed", async () => {
    const outside = await makeTree({ "secret.md": "# Secret\n" });
    const root = await treeWithLink(() => path.join(outside, "secret.md"));
    const fileSystem = watchedFileSystem();
    expect(findingsOf(await checkAndExpectTheRestChecked(root, { fileSystem }), HOSTILE_FILE)).toEqual([
      cannotRead(undefined, "the file cannot be read (it is a symbolic link to a place outside the tree, which is never followed)"),
    ]);
    expect([...fileSystem.bytesRead.keys()].filter((file) => file.startsWith(outside))).toEqual([]);
  });

  it("a dangling link", async () => {
    const root = await treeWithLink(() => "gone.md");
    expect(findingsOf(await checkAndExpectTheRestChecked(root), HOSTILE_FILE)).toEqual([cannotRead(undefined, "the file cannot be read (it is a symbolic link to a file that does not exist)")]);
  });

  it("a link to another file of the tree is read through", async () => {
    const root = await treeWithLink((tree) => path.join(tree, "locales/sv/guide.md"));
    expect(findingsOf(await checkAndExpectTheRestChecked(root), HOSTILE_FILE)).toEqual([]);
  });
});

describe("the size limit", () => {
  it("a file over the limit is not read at all", async () => {
    const root = await treeWithTranslation("x".repeat(20 * 1024 * 1024));
    const fileSystem = watchedFileSystem();
    const report = await checkAndExpectTheRestChecked(root, { fileSystem });
    expect(findingsOf(report, HOSTILE_FILE)).toEqual([cannotRead(undefined, "the file is 20.0 MiB, over the 4.0 MiB limit; it was skipped")]);
    expect(fileSystem.bytesRead.get(path.join(root, HOSTILE_FILE)) ?? 0).toBe(0);
  });

  it("is configurable, and holds for a file that grows after it was measured", async () => {
    const root = await treeWithTranslation("x".repeat(2048));
    expect(findingsOf(await checkAndExpectTheRestChecked(root, { config: { maxFileBytes: 1024 } }), HOSTILE_FILE)).toEqual([cannotRead(undefined, "the file is 2 KiB, over the 1 KiB limit; it was skipped")]);

    const growing = watchedFileSystem();
    const open = growing.open;
    growing.open = async (file, flags) => {
      const handle = await open(file, flags);
      if (!file.endsWith(HOSTILE_FILE)) return handle;
      // The size as it was before the file grew to 2 KiB.
      const stats = await handle.stat();
      return Object.assign(Object.create(handle) as FileHandle, { read: handle.read, close: handle.close, stat: async () => Object.assign(stats, { size: 10 }) });
    };
    const report = await checkAndExpectTheRestChecked(root, { config: { maxFileBytes: 1024 }, fileSystem: growing });
    expect(findingsOf(report, HOSTILE_FILE)).toEqual([cannotRead(undefined, "the file is 2 KiB, over the 1 KiB limit; it was skipped")]);
    expect(growing.bytesRead.get(path.join(root, HOSTILE_FILE))).toBe(1025);
  });
});

describe("the command line", () => {
  it("exits 1 for a tree of broken documents, never 2, and names every file", async () => {
    const root = await makeTree({
      "articles/guide.md": "# Guide\n",
      "locales/de/guide.md": new Uint8Array([0x23, 0x00]),
      "locales/fr/guide.md": "---js\nprocess.exit(3)\n---\n# Guide\n",
      "locales/nl/guide.md": "> ".repeat(10_000),
      "locales/sv/guide.md": "",
    });
    await mkdir(path.join(root, "locales/pt"));
    await symlink("guide.md", path.join(root, "locales/pt/guide.md"));
    let out = "";
    let err = "";
    const io: CliIo = { stdout: (text) => void (out += text), stderr: (text) => void (err += text), env: {}, stdoutIsTty: false, cwd: root };
    expect(await main(["check", "--format", "json", "--no-history"], io)).toBe(1);
    expect(err).toBe("");
    const findings = (JSON.parse(out) as { findings: Array<{ ruleId: string; file: string }> }).findings.map((finding) => `${finding.ruleId} ${finding.file}`);
    expect(findings).toEqual([
      "parse-error locales/de/guide.md",
      "parse-error locales/fr/guide.md",
      "parse-error locales/nl/guide.md",
      "parse-error locales/pt/guide.md",
      "empty-document locales/sv/guide.md",
      "missing-section locales/sv/guide.md",
    ]);
    expect(await readdir(root)).toEqual(["articles", "locales"]);
  });
});

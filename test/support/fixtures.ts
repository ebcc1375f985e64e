import { mkdtemp, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const FIXTURES = path.join(REPO_ROOT, "test/fixtures");
export const SEEDS = path.join(FIXTURES, "seeds");

/** Seed file names, by the locale they stand for in the bundled example. */
export const SEED_FILES = {
  de: "000_354fce7adcebc49f.txt",
  sv: "001_dc58165b87d1a4a7.txt",
  nl: "002_eb2c723b25795726.txt",
  zh: "003_fb60e79ecdbb5f85.txt",
  oldEnglish: "004_931c909b1f19d864.txt",
} as const;

/** A tree of files, path → content, written under a fresh temporary directory. */
export async function makeTree(files: Record<string, string | Uint8Array>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "l10n-drift-test-"));
  await writeTree(root, files);
  return root;
}

export async function writeTree(root: string, files: Record<string, string | Uint8Array>): Promise<void> {
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

export async function readSeed(name: keyof typeof SEED_FILES): Promise<string> {
  return readFile(path.join(SEEDS, SEED_FILES[name]), "utf8");
}

/** Case folders of a rule's fixtures: test/fixtures/<rule>/<case>/. */
export async function fixtureCases(ruleId: string): Promise<string[]> {
  const entries = await readdir(path.join(FIXTURES, ruleId), { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

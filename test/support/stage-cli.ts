import { cp, mkdtemp, readFile, chmod, realpath } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { REPO_ROOT } from "./fixtures.js";

/**
 * A copy of the built CLI (bin, dist, package.json and its production dependencies) in a fresh
 * temporary directory anyone may read, for tests that run it as another user: the clone may sit
 * under a directory only its owner can enter (`git clone . $(mktemp -d)/x` gives a 0700 parent),
 * and `node_modules` may be a link to elsewhere. Returns the path of the copied bin script.
 */
export async function stageBuiltCli(): Promise<string> {
  const stage = await mkdtemp(path.join(tmpdir(), "l10n-drift-cli-"));
  for (const entry of ["bin", "dist", "package.json"]) await cp(path.join(REPO_ROOT, entry), path.join(stage, entry), { recursive: true, dereference: true });
  const modules = await realpath(path.join(REPO_ROOT, "node_modules"));
  for (const dir of await productionPackages(modules)) {
    await cp(dir, path.join(stage, "node_modules", path.relative(modules, dir)), { recursive: true, dereference: true });
  }
  await openUp(stage);
  return path.join(stage, "bin/l10n-drift.js");
}

/** The package folders the CLI needs at run time: the closure of `dependencies`, as Node resolves them. */
async function productionPackages(modules: string): Promise<string[]> {
  const found = new Set<string>();
  const visit = async (from: string, names: readonly string[]): Promise<void> => {
    for (const name of names) {
      const dir = resolvePackage(modules, from, name);
      if (dir === undefined || found.has(dir)) continue;
      found.add(dir);
      await visit(dir, dependencyNames(JSON.parse(await readFile(path.join(dir, "package.json"), "utf8"))));
    }
  };
  await visit(REPO_ROOT, dependencyNames(JSON.parse(await readFile(path.join(REPO_ROOT, "package.json"), "utf8"))));
  // A nested package is copied with the one it sits in.
  return [...found].filter((dir) => ![...found].some((other) => other !== dir && dir.startsWith(`${other}${path.sep}`))).sort();
}

function dependencyNames(manifest: { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }): string[] {
  return Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies });
}

/** The nearest `node_modules/<name>` from `from` up to the top-level folder. */
function resolvePackage(modules: string, from: string, name: string): string | undefined {
  for (let dir = from; dir.startsWith(modules); dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (existsSync(candidate)) return candidate;
  }
  const top = path.join(modules, name);
  return existsSync(top) ? top : undefined;
}

/** Everything readable and every folder enterable by everyone, as `nobody` needs. */
async function openUp(dir: string): Promise<void> {
  const { readdir } = await import("node:fs/promises");
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const target = path.join(dir, entry.name);
    if (entry.isDirectory()) await openUp(target);
    else if (entry.isFile()) await chmod(target, 0o644);
  }
}

import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildDirectory, packageFile } from "./package-files.js";

/** Read once from package.json, so there is one place to bump. */
const manifest = JSON.parse(readFileSync(packageFile("package.json"), "utf8")) as { name: string; version: string };

export const TOOL_NAME = manifest.name;
export const TOOL_VERSION = manifest.version;

let buildIdentity: string | undefined;

/**
 * Identifies the code itself, not just its version number: a digest of every module beside this
 * one. Caches key on it, so a rebuilt tool (a local change, a patched install) never trusts what
 * another build computed. Read on first use, once per process: a run without a cache (and each
 * worker thread) never reads the modules.
 */
export function buildId(): string {
  return (buildIdentity ??= digestOfModules(buildDirectory()));
}

function digestOfModules(directory: string): string {
  const hash = createHash("sha256");
  const files = readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(js|ts)$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  for (const file of files) hash.update(path.relative(directory, file)).update("\0").update(readFileSync(file)).update("\0");
  return hash.digest("hex").slice(0, 16);
}

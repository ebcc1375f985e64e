import { fileURLToPath } from "node:url";

/**
 * The build's root: `dist/` when compiled, `src/` when run from the sources (as in unit tests).
 * This module lies at that root, and so do the modules of the bundled command line
 * (`scripts/bundle-cli.js`), into which its code is copied: a path taken from here is the same in
 * both, where one taken from a nested module's own `import.meta.url` would not be.
 */
const BUILD_ROOT = new URL("./", import.meta.url);

/** A file the package ships beside the build (`package.json`, `schema/…`), by its path from the package's root. */
export function packageFile(relative: string): string {
  return fileURLToPath(new URL(`../${relative}`, BUILD_ROOT));
}

/** A module of the compiled build, by its path from `dist/`; from the sources it does not exist. */
export function buildModule(relative: string): URL {
  return new URL(relative, BUILD_ROOT);
}

/** The build's root directory itself. */
export function buildDirectory(): string {
  return fileURLToPath(BUILD_ROOT);
}

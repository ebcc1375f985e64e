// Bundles the command line (dist/cli/main.js, everything it imports and its dependencies) into a
// few modules at dist/'s root: dist/cli.js, which bin/l10n-drift.js runs, and one chunk per thing
// it loads on demand (a command, a reporter, the history, the worker pool). Node 20 resolves, reads
// and compiles each ES module on its own and has no compile cache (module.enableCompileCache is
// Node 22): the 300 or so modules a check loads took about 215 ms of a 557 ms one-article check.
// The library (dist/index.js) and the worker threads (dist/engine/worker.js) stay as tsc wrote them.
// The chunks lie at dist/'s root, where src/package-files.ts is, so the paths it gives hold here too.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const PREFIX = "cli";

// A rebuild without `npm run build`'s clean start must not leave the last bundle's chunks behind.
for (const name of readdirSync(dist)) if (name === `${PREFIX}.js` || name.startsWith(`${PREFIX}-`)) rmSync(`${dist}${name}`);

await build({
  input: { [PREFIX]: `${dist}cli/main.js` },
  platform: "node",
  // gray-matter's JavaScript front matter engine holds an `eval`; the tool never enables it
  // (src/parse/front-matter.ts), so the warning is noise.
  checks: { eval: false },
  logLevel: "warn",
  // tinypool starts its workers from a file beside its own module (`import.meta.url`), which a
  // bundle would move: it stays in node_modules, loaded only when a run starts workers.
  external: ["tinypool"],
  output: {
    dir: dist,
    format: "esm",
    entryFileNames: "[name].js",
    chunkFileNames: `${PREFIX}-[name]-[hash].js`,
    // Error classes and functions keep their names, as in the modules tsc writes.
    keepNames: true,
    // Licence comments stay; doc comments are for the sources, and the check below reads code only.
    comments: { legal: true, annotation: false, jsdoc: false },
  },
});

// Any other code that finds files from its own module's place would look in dist/ and fail at run
// time, far from the cause: refuse the bundle instead. What is let through resolves from dist/ as
// it should: src/package-files.ts, and `require` from dist/ (rolldown's CommonJS shim, ajv).
const ALLOWED = [/new URL\("\.\/", import\.meta\.url\)/g, /createRequire\(import\.meta\.url\)/g];
const written = readdirSync(dist).filter((name) => name === `${PREFIX}.js` || name.startsWith(`${PREFIX}-`));
for (const name of written) {
  const rest = ALLOWED.reduce((text, pattern) => text.replace(pattern, ""), readFileSync(`${dist}${name}`, "utf8"));
  const line = rest.split("\n").find((text) => text.includes("import.meta.url"));
  if (line !== undefined) {
    console.error(`dist/${name} locates a file from its own module, which the bundle moved: ${line.trim().slice(0, 160)}`);
    process.exit(1);
  }
}
console.log(`Wrote dist/${PREFIX}.js and ${written.length - 1} chunks`);

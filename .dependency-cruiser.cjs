/**
 * Import boundaries of src/ (STYLE.md, "Layout"), checked by test/consistency/imports.test.ts in
 * `npm test`. Type-only imports count (`tsPreCompilationDeps`): a type cycle is still a cycle.
 */

/**
 * Known exceptions, as `[from, to]` path patterns excused from one rule (for `no-cycles`, `to`
 * names a module the excused cycles go through); each goes once its module has moved:
 * - `rules/stale-source.ts` imports `history/compare.ts` (comparing two versions of a source
 *   belongs in `align/`, where STYLE.md puts it);
 * - `reporters/worklist.ts` imports `history/worklist.ts` and `history/compare.ts` (the work list
 *   types belong in `model/`).
 */
const KNOWN_EXCEPTIONS = {
  "rules-only-model-parse-align-util": [["^src/rules/stale-source\\.ts$", "^src/history/compare\\.ts$"]],
  "reporters-only-model-util": [["^src/reporters/worklist\\.ts$", "^src/history/(worklist|compare)\\.ts$"]],
  "no-cycles": [],
};

/**
 * One boundary as dependency-cruiser rules: the rule for every file but the excused ones, and for
 * each excused file the same rule with only its known exception let through.
 */
function boundary(name, comment, from, to) {
  const exceptions = KNOWN_EXCEPTIONS[name] ?? [];
  const excusedFrom = exceptions.map(([file]) => file);
  const rules = [{ name, comment, severity: "error", from: { ...from, ...(excusedFrom.length > 0 && { pathNot: [].concat(from.pathNot ?? [], excusedFrom) }) }, to }];
  for (const [file, excused] of exceptions) {
    const narrowed = to.circular ? { ...to, viaNot: excused } : { ...to, pathNot: [].concat(to.pathNot ?? [], excused) };
    rules.push({ name, comment: `${comment} (known exception: ${file} → ${excused})`, severity: "error", from: { path: file }, to: narrowed });
  }
  return rules;
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...boundary(
      "rules-only-model-parse-align-util",
      "Rules are data and pure functions: they import only model, parse, align and util (and their own support/); the registry reads the version constant to stamp docs URLs.",
      { path: "^src/rules/" },
      { path: "^src/", pathNot: ["^src/(rules|model|parse|align|util)/", "^src/version\\.ts$"] },
    ),
    ...boundary(
      "reporters-only-model-util",
      "Reporters are pure functions of the report: they import only model and util (and each other).",
      { path: "^src/reporters/" },
      { path: "^src/", pathNot: "^src/(reporters|model|util)/" },
    ),
    ...boundary("nothing-imports-cli", "The CLI is the outermost layer: only the CLI itself imports it.", { path: "^src/", pathNot: "^src/cli/" }, { path: "^src/cli/" }),
    ...boundary(
      "util-imports-nothing-of-the-project",
      "util/ is importable by every layer, so it imports no other part of the project.",
      { path: "^src/util/" },
      { path: "^src/", pathNot: "^src/util/" },
    ),
    ...boundary("no-cycles", "No import cycles, type-only imports included.", { path: "^src/" }, { circular: true }),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
  },
};

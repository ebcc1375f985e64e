import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeTree, REPO_ROOT } from "../support/fixtures.js";

// Worker threads run the compiled worker, so this goes through the built engine (`npm run build`).
const DIST_INDEX = path.join(REPO_ROOT, "dist/index.js");
const DIST_RUN = path.join(REPO_ROOT, "dist/engine/run.js");

interface Built {
  check: (options: object) => Promise<unknown>;
  DriftError: new (...args: never[]) => Error & { code: string; data: unknown };
}

async function thrownBy(promise: Promise<unknown>): Promise<{ name: string; code: unknown; message: string; data: unknown; isDriftError: boolean }> {
  const { DriftError } = (await import(DIST_INDEX)) as Built;
  try {
    await promise;
  } catch (error) {
    const thrown = error as Error & { code?: unknown; data?: unknown };
    return { name: thrown.name, code: thrown.code, message: thrown.message, data: thrown.data, isDriftError: error instanceof DriftError };
  }
  throw new Error("expected the run to fail");
}

async function twoArticles(): Promise<string> {
  const page = (title: string) => `---\ntitle: ${title}\nms.service: a\n---\n# ${title}\n`;
  return makeTree({ "articles/a.md": page("A"), "articles/b.md": page("B"), "locales/de/a.md": page("A"), "locales/de/b.md": page("B") });
}

/** The built engine's parts a run is made of, as `check` assembles them. */
async function builtEngine() {
  const { runEngine } = (await import(DIST_RUN)) as { runEngine: (options: object) => Promise<unknown> };
  const { resolveLayout } = (await import(path.join(REPO_ROOT, "dist/tree/layout.js"))) as { resolveLayout: (root: string) => Promise<{ keys: object }> };
  const { RULES } = (await import(path.join(REPO_ROOT, "dist/rules/index.js"))) as { RULES: unknown[] };
  const { activateRules } = (await import(path.join(REPO_ROOT, "dist/engine/rule-settings.js"))) as { activateRules: (rules: unknown[], settings?: object, keys?: object) => unknown[] };
  const { DEFAULT_PARSE_LIMITS } = (await import(path.join(REPO_ROOT, "dist/parse/document.js"))) as { DEFAULT_PARSE_LIMITS: object };
  return { runEngine, resolveLayout, RULES, activateRules, DEFAULT_PARSE_LIMITS };
}

describe.skipIf(!existsSync(DIST_INDEX))("errors from worker threads", () => {
  it("a rule that throws is RULE_FAILED with rule and file, with workers as without", async () => {
    const { check } = (await import(DIST_INDEX)) as Built;
    const { runEngine, resolveLayout, RULES, activateRules, DEFAULT_PARSE_LIMITS } = await builtEngine();
    const root = await twoArticles();
    // An option of the wrong type makes the rule throw. `check` validates its configuration and
    // refuses it first, so the settings go to the engine directly, as `check` would pass them.
    const settings = { "metadata-drift": ["warning", { equalKeys: 5 }] };
    expect(await thrownBy(check({ root, config: { rules: settings }, workers: 0, history: false }))).toEqual({
      name: "DriftError",
      code: "CONFIG_INVALID",
      message: "the configuration: /rules/metadata-drift/1/equalKeys: must be array",
      data: { problems: ["/rules/metadata-drift/1/equalKeys: must be array"] },
      isDriftError: true,
    });
    const layout = await resolveLayout(root);
    const run = (workers: number) =>
      runEngine({ layout, rules: activateRules(RULES, settings, layout.keys), ruleActivation: { settings, keys: layout.keys }, limits: DEFAULT_PARSE_LIMITS, workers });
    const expected = {
      name: "DriftError",
      code: "RULE_FAILED",
      message: "rule `metadata-drift` failed on `locales/de/a.md`: options.equalKeys is not iterable",
      data: { ruleId: "metadata-drift", file: "locales/de/a.md" },
      isDriftError: true,
    };
    expect(await thrownBy(run(0))).toEqual(expected);
    expect(await thrownBy(run(2))).toEqual(expected);
  });

  it("a DriftError thrown while a worker sets up comes back with its code, message and data", async () => {
    const { runEngine, resolveLayout, RULES, activateRules, DEFAULT_PARSE_LIMITS } = await builtEngine();
    const root = await twoArticles();
    const layout = await resolveLayout(root);
    // The main thread's rules are fine; the settings each worker activates its own rules from are not.
    const options = {
      layout,
      rules: activateRules(RULES, {}, layout.keys),
      ruleActivation: { settings: { "no-such-rule": "error" }, keys: layout.keys },
      limits: DEFAULT_PARSE_LIMITS,
      workers: 2,
    };
    const thrown = await thrownBy(runEngine(options));
    expect(thrown).toEqual({ name: "DriftError", code: "CONFIG_INVALID", message: expect.stringMatching(/^unknown rule `no-such-rule`; known rules: /), data: undefined, isDriftError: true });
  });
});

describe.skipIf(!existsSync(DIST_INDEX))("a batch too large for a worker's heap", () => {
  it("is checked again in the main thread, and the report is the same as without workers", async () => {
    const { runEngine, resolveLayout, RULES, activateRules, DEFAULT_PARSE_LIMITS } = await builtEngine();
    const { formatJson } = (await import(path.join(REPO_ROOT, "dist/reporters/json.js"))) as { formatJson: (report: unknown) => string };
    // About 420 KB of inline-rich paragraphs: its syntax trees take more than a 32 MiB heap (the
    // engine takes what it is given; the CLI refuses less than 64).
    const big = `# Big\n\n${Array.from({ length: 7000 }, (_, i) => `Word *a${i}* **b** \`c\` [d](e${i}) and more words here ${i}.`).join("\n\n")}\n`;
    const small = (title: string) => `# ${title}\n\nText.\n`;
    const root = await makeTree({ "articles/a.md": small("A"), "articles/b.md": big, "articles/c.md": small("C"), "locales/de/a.md": small("A"), "locales/de/b.md": big, "locales/de/c.md": small("C") });
    const layout = await resolveLayout(root);
    const run = async (workers: number, workerHeapMb?: number) => {
      const result = (await runEngine({ layout, rules: activateRules(RULES, {}, layout.keys), ruleActivation: { settings: {}, keys: layout.keys }, limits: DEFAULT_PARSE_LIMITS, workers, ...(workerHeapMb && { workerHeapMb }) })) as { report: unknown };
      return formatJson(result.report);
    };
    const inThisThread = await run(0);
    expect(inThisThread).toContain('"article": "b.md"');
    expect(await run(2, 32)).toBe(inThisThread);
  }, 60_000);
});

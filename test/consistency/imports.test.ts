import path from "node:path";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";
import { describe, expect, it } from "vitest";
import { makeTree, REPO_ROOT } from "../support/fixtures.js";

const CONFIG = path.join(REPO_ROOT, ".dependency-cruiser.cjs");

/** Each violation of the import boundaries in `.dependency-cruiser.cjs`, as `rule: from → to`. */
async function violations(baseDir: string): Promise<string[]> {
  const options = await extractDepcruiseOptions(CONFIG);
  const { output } = await cruise(["src"], { ...options, baseDir, validate: true }, undefined, { tsConfig: extractTSConfig(path.join(REPO_ROOT, "tsconfig.json")) });
  const result = output as ICruiseResult;
  return result.summary.violations
    .map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.cycle ? violation.cycle.map((step) => step.name).join(" → ") : violation.to}`)
    .sort();
}

describe("import boundaries (STYLE.md)", () => {
  it("are kept by src/, apart from the known exceptions the configuration names", async () => {
    expect(await violations(REPO_ROOT)).toEqual([]);
  }, 60_000);

  it("catch each kind of violation, type-only imports and cycles included", async () => {
    const root = await makeTree({
      "src/model/a.ts": 'import type { B } from "./b.js";\nexport interface A { b?: B }\n',
      "src/model/b.ts": 'import type { A } from "./a.js";\nexport interface B { a?: A }\n',
      "src/engine/run.ts": 'import { main } from "../cli/main.js";\nexport const run = main;\n',
      "src/cli/main.ts": "export const main = 1;\n",
      "src/rules/rule.ts": 'import { run } from "../engine/run.js";\nimport type { A } from "../model/a.js";\nimport { words } from "../util/words.js";\nexport const rule: [number, A?, string?] = [run, undefined, words];\n',
      "src/reporters/text.ts": 'import type { Rule } from "../parse/rule.js";\nexport const text: Rule | undefined = undefined;\n',
      "src/parse/rule.ts": "export type Rule = string;\n",
      "src/util/words.ts": 'import type { A } from "../model/a.js";\nexport const words = "" as string & Partial<A>;\n',
    });
    expect(await violations(root)).toEqual([
      "no-cycles: src/model/a.ts → src/model/b.ts → src/model/a.ts",
      "nothing-imports-cli: src/engine/run.ts → src/cli/main.ts",
      "reporters-only-model-util: src/reporters/text.ts → src/parse/rule.ts",
      "rules-only-model-parse-align-util: src/rules/rule.ts → src/engine/run.ts",
      "util-imports-nothing-of-the-project: src/util/words.ts → src/model/a.ts",
    ]);
  }, 60_000);
});

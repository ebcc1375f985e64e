import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import yaml from "js-yaml";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../support/fixtures.js";

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

interface ActionManifest {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

interface Workflow {
  on: unknown;
  jobs: Record<string, { needs?: string | string[]; steps: Step[] }>;
}

/** How the sample workflows refer to this action. */
const ACTION_REF = /^l10n-drift\/l10n-drift@/;

async function loadYaml<T>(relative: string): Promise<T> {
  return yaml.load(await readFile(path.join(REPO_ROOT, relative), "utf8")) as T;
}

async function workflowFiles(): Promise<string[]> {
  return (await readdir(path.join(REPO_ROOT, "docs/workflows"))).filter((name) => name.endsWith(".yml")).sort().map((name) => `docs/workflows/${name}`);
}

describe("action.yml", () => {
  it("is a composite action whose expressions use only declared inputs and step outputs", async () => {
    const action = await loadYaml<ActionManifest>("action.yml");
    expect(action.runs.using).toBe("composite");
    const text = await readFile(path.join(REPO_ROOT, "action.yml"), "utf8");
    const used = new Set([...text.matchAll(/\binputs\.([a-z-]+)/g)].map((match) => match[1]));
    expect([...used].sort()).toEqual(Object.keys(action.inputs).sort());
    const stepIds = new Set(action.runs.steps.map((step) => step.id).filter((id) => id !== undefined));
    for (const match of text.matchAll(/\bsteps\.([a-z-]+)\.outputs/g)) expect(stepIds, `step \`${match[1]}\``).toContain(match[1]);
  });

  it("passes every input but the Node version to the script, which reads exactly those", async () => {
    const action = await loadYaml<ActionManifest>("action.yml");
    const check = action.runs.steps.find((step) => step.id === "check");
    expect(check?.run).toBe('node "$GITHUB_ACTION_PATH/scripts/action.js"');
    const passed = Object.keys(check?.env ?? {}).sort();
    const expected = Object.keys(action.inputs).filter((name) => name !== "node-version").map((name) => `INPUT_${name.toUpperCase().replace(/-/g, "_")}`).sort();
    expect(passed).toEqual(expected);
    for (const [name, value] of Object.entries(check?.env ?? {})) expect(value).toBe(`\${{ inputs.${name.slice("INPUT_".length).toLowerCase().replace(/_/g, "-")} }}`);
    const script = await readFile(path.join(REPO_ROOT, "scripts/action.js"), "utf8");
    const read = [...script.matchAll(/\binput\("([A-Z_]+)"/g)].map((match) => `INPUT_${match[1]}`).sort();
    expect(read).toEqual(expected);
  });

  it("declares every output the script writes", async () => {
    const action = await loadYaml<ActionManifest>("action.yml");
    for (const [name, output] of Object.entries(action.outputs)) expect(output.value).toBe(`\${{ steps.check.outputs.${name} }}`);
    const script = await readFile(path.join(REPO_ROOT, "scripts/action.js"), "utf8");
    const written = script.match(/writeOutputs\(env, \{[^}]*\}\)/g)?.flatMap((call) => [...call.matchAll(/"?([a-z-]+)"?:/g)].map((match) => match[1]!)) ?? [];
    expect(new Set(written)).toEqual(new Set(Object.keys(action.outputs)));
  });
});

describe("the sample workflows", () => {
  it("parse as YAML, need only jobs they define and give the action only inputs it declares", async () => {
    const action = await loadYaml<ActionManifest>("action.yml");
    const files = await workflowFiles();
    expect(files).toEqual(["docs/workflows/nightly-sharded.yml", "docs/workflows/pr-check.yml"]);
    let actionSteps = 0;
    for (const file of files) {
      const workflow = await loadYaml<Workflow>(file);
      expect(workflow.on, file).toBeDefined();
      for (const [name, job] of Object.entries(workflow.jobs)) {
        for (const needed of [job.needs ?? []].flat()) expect(Object.keys(workflow.jobs), `${file} ${name}`).toContain(needed);
        for (const step of job.steps.filter((candidate) => candidate.uses !== undefined && ACTION_REF.test(candidate.uses))) {
          actionSteps++;
          for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs), `${file}: input \`${input}\``).toContain(input);
        }
      }
    }
    expect(actionSteps).toBeGreaterThan(0);
  });

  it("shards the nightly check and merges the shards' reports", async () => {
    const workflow = await loadYaml<Workflow>("docs/workflows/nightly-sharded.yml");
    const shards = (workflow.jobs.shard as unknown as { strategy: { matrix: { shard: number[] } } }).strategy.matrix.shard;
    const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => step.run ?? "")).join("\n");
    expect(runs).toContain(`check --shard \${{ matrix.shard }}/${shards.length} `);
    expect(runs).toContain("l10n-drift@0 merge shards/*.json");
  });
});

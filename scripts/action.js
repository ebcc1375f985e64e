#!/usr/bin/env node
// The GitHub Action's logic (action.yml runs it), kept here so it runs the same on a laptop:
//
//   INPUT_ROOT=docs INPUT_FAIL_ON=error GITHUB_STEP_SUMMARY=summary.md node scripts/action.js
//
// It checks once for the verdict and the counts (JSON), then asks the CLI for each output the
// inputs want: annotations on standard output, SARIF for code scanning, Markdown for the step
// summary. Those later runs reuse the first one's cache where the build has one. A build that
// lacks a flag or a format still runs; the script says in one line what it skipped.
// Exit code: the check's own (0 passed, 1 failed: a broken translation, that is a translator's
// error at or above fail-on, a problem in a source file, or a state the configuration's
// `failOn.states` names; 2 the tool failed). Outdated and missing translations are work, not
// failures, unless the configuration says so.
import { spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkHelp, formatChoices, hasFlag } from "./cli-features.js";

const ACTION_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(ACTION_ROOT, "bin/l10n-drift.js");

/** The action's inputs, as action.yml passes them (composite actions do not set INPUT_* themselves). */
function readInputs(env) {
  const input = (name, fallback = "") => (env[`INPUT_${name}`] ?? "").trim() || fallback;
  return {
    root: input("ROOT", "."),
    locales: input("LOCALES"),
    changedSince: input("CHANGED_SINCE"),
    baseline: input("BASELINE"),
    failOn: input("FAIL_ON", "error"),
    rules: input("RULES").split(",").map((rule) => rule.trim()).filter((rule) => rule !== ""),
    sarif: input("SARIF", "true") === "true",
    summary: input("SUMMARY", "true") === "true",
  };
}

/** A workflow command; the message is escaped as GitHub requires (`%`, CR, LF). */
function command(name, message) {
  return `::${name} title=l10n-drift::${message.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A")}\n`;
}

function runCli(args, env) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env: { ...env, NO_COLOR: "1" }, maxBuffer: 1024 * 1024 * 1024 });
  return { code: result.status ?? 2, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

/** The flags every run shares, leaving out (with a notice) those this build does not have. */
function sharedFlags(inputs, help, notices) {
  const flags = ["check", "--root", inputs.root];
  if (inputs.locales) flags.push("--locale", inputs.locales);
  if (inputs.changedSince) {
    if (hasFlag(help, "--changed-since")) flags.push("--changed-since", inputs.changedSince);
    else notices.push(command("notice", "--changed-since not supported by this build; checking the whole tree"));
  }
  if (inputs.rules.length > 0) {
    if (hasFlag(help, "--rule")) for (const rule of inputs.rules) flags.push("--rule", rule);
    else notices.push(command("warning", "--rule not supported by this build; the configuration's rule levels apply"));
  }
  if (inputs.baseline) {
    if (hasFlag(help, "--baseline")) flags.push("--baseline", inputs.baseline);
    else notices.push(command("warning", "--baseline not supported by this build; known findings are reported too"));
  }
  return flags;
}

function writeOutputs(env, outputs) {
  if (!env.GITHUB_OUTPUT) return;
  appendFileSync(env.GITHUB_OUTPUT, Object.entries(outputs).map(([key, value]) => `${key}=${value}\n`).join(""));
}

export function runAction(env = process.env, io = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) }) {
  const inputs = readInputs(env);
  const help = checkHelp(BIN);
  const formats = formatChoices(help);
  const notices = [];
  const flags = sharedFlags(inputs, help, notices);
  const outDir = path.join(env.RUNNER_TEMP || tmpdir(), `l10n-drift-${process.pid}`);
  mkdirSync(outDir, { recursive: true });
  const reportFile = path.join(outDir, "drift.json");

  const verdict = runCli([...flags, "--format", "json", "--output", reportFile, "--fail-on", inputs.failOn], env);
  notices.forEach((notice) => io.stdout(notice));
  if (verdict.code === 2) {
    io.stderr(verdict.stderr);
    writeOutputs(env, { "exit-code": 2 });
    return 2;
  }
  const { counts, states = {} } = JSON.parse(readFileSync(reportFile, "utf8")).summary;
  const summaryLine = verdict.stderr.trim();

  // Annotations: GitHub turns workflow commands on standard output into them. The format ends
  // with the summary line itself.
  if (formats.includes("github")) {
    io.stdout(runCli([...flags, "--format", "github", "--fail-on", "never"], env).stdout);
  } else {
    io.stdout(command("notice", "--format github not supported by this build; findings are listed as text, without annotations"));
    // The text format ends with the summary line.
    io.stdout(runCli([...flags, "--format", "text", "--fail-on", "never"], env).stdout);
  }

  let sarifFile = "";
  if (inputs.sarif) {
    if (formats.includes("sarif")) {
      sarifFile = path.join(outDir, "drift.sarif");
      runCli([...flags, "--format", "sarif", "--output", sarifFile, "--fail-on", "never"], env);
    } else {
      io.stdout(command("notice", "--format sarif not supported by this build; no SARIF to upload"));
    }
  }

  if (inputs.summary && env.GITHUB_STEP_SUMMARY) {
    if (formats.includes("markdown")) {
      const markdownFile = path.join(outDir, "drift.md");
      runCli([...flags, "--format", "markdown", "--output", markdownFile, "--fail-on", "never"], env);
      appendFileSync(env.GITHUB_STEP_SUMMARY, readFileSync(markdownFile, "utf8"));
    } else {
      appendFileSync(env.GITHUB_STEP_SUMMARY, `## l10n-drift\n\n${summaryLine}\n`);
    }
  }

  // A build without translation states leaves their outputs empty.
  writeOutputs(env, {
    "exit-code": verdict.code,
    errors: counts.error,
    warnings: counts.warning,
    info: counts.info,
    broken: states.broken ?? "",
    outdated: states.outdated ?? "",
    missing: states.missing ?? "",
    report: reportFile,
    "sarif-file": sarifFile,
  });
  return verdict.code;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = runAction();
}

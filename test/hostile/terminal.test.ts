import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { formatText, printable } from "../../src/reporters/text.js";
import { makeTree, REPO_ROOT } from "../support/fixtures.js";
import { GOOD_TRANSLATION, SOURCE } from "./trees.js";

describe("text output in a terminal", () => {
  it("shows escape sequences and newlines from documents and file names as text", async () => {
    const root = await makeTree({
      "articles/guide.md": SOURCE,
      "locales/de/guide.md": "# Guide\n\n## <a name=\"setup\"></a>Einrichten\n\n## Rot \u001b[31mgefärbt\u001b]0;title\u0007 und \u009bweg\n",
      "locales/de/evil\u001b[2J\nname.md": "# Evil\n",
    });
    const output = formatText(await check({ root }), { color: false });
    expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(output).toContain("Section `Rot \\u{1b}[31mgefärbt\\u{1b}]0;title\\u{7} und \\u{9b}weg` (`#rot-31mgefärbt0title-und-weg`) is not in the source");
    // The orphan is listed apart from the translations, its file name's controls shown as text.
    expect(output).toContain(
      "Sources and orphans (1)\n  locales/de/evil\\u{1b}[2J\\u{a}name.md:1:1  warning  This translation has no source: `articles/evil\\u{1b}[2J name.md` does not exist; delete the translation or move it to the source's new path.  orphan-translation\n",
    );
  });

  it("leaves ordinary text alone", () => {
    expect(printable("Nächste Schritte 中文 `#next-steps` — ok")).toBe("Nächste Schritte 中文 `#next-steps` — ok");
  });
});

const FORGED = "x\n::error file=README.md,line=1::Forged\n::stop-commands::pwn\u001b]0;title\u0007 ##[error]old";

function runIn(args: readonly string[], githubActions: boolean): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, "bin/l10n-drift.js"), ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", CI: "", GITHUB_ACTIONS: githubActions ? "true" : "" },
    timeout: 120_000,
  });
  return { status: run.status, out: `${run.stdout}${run.stderr}` };
}

/** What a terminal or the GitHub runner would act on: a control character, a forged workflow command. */
function injections(out: string, githubActions: boolean): string[] {
  const found: string[] = [];
  if (/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(out)) found.push("control character");
  for (const line of out.split("\n")) {
    const command = /^\s*::([a-z-]+)/.exec(line);
    // The github format's own annotations are commands; forged ones are not among them.
    const annotation = githubActions && /^::(error|warning|notice) file=locales\//.test(line);
    if (command && !annotation) found.push(`command line: ${line}`);
    // The runner looks for `##[name]` anywhere in a line that is not already a `::` command.
    if (githubActions && !annotation && line.includes("##[")) found.push(`old-style command: ${line}`);
  }
  return found;
}

describe("every command's output, on a terminal and in a GitHub Actions log", () => {
  it("a hostile configuration key reaches no command's output raw", async () => {
    const root = await makeTree({ "articles/guide.md": SOURCE, "locales/de/guide.md": GOOD_TRANSLATION, "l10n-drift.config.json": JSON.stringify({ [FORGED]: 1 }) });
    for (const githubActions of [false, true]) {
      for (const args of [["check"], ["status"], ["diff", "guide.md"], ["report"], ["rules"], ["suppress"], ["merge", path.join(root, "none.json")]]) {
        const run = runIn([...args, "--root", root], githubActions);
        expect({ args, githubActions, status: run.status, injections: injections(run.out, githubActions) }).toEqual({ args, githubActions, status: 2, injections: [] });
        if (args[0] !== "merge") expect(run.out).toContain("unknown property `x\\u{a}");
      }
    }
  }, 180_000);

  it("a hostile locale folder name and heading reach no command's output raw", async () => {
    const locale = `de${FORGED.replace(/\//g, "")}`;
    const root = await makeTree({
      "articles/guide.md": `${SOURCE}\n## ${FORGED.replace(/\n/g, " ")}\nNew text ##[error]x.\n`,
      // Without the source's hostile section: diff and status name it as missing.
      [`locales/${locale}/guide.md`]: GOOD_TRANSLATION,
    });
    const reportsDir = path.join(root, "out");
    for (const githubActions of [false, true]) {
      for (const args of [["check"], ["check", "--verbose"], ["status"], ["diff", "guide.md"], ["report", "--out", reportsDir], ["suppress"]]) {
        const run = runIn([...args, "--root", root], githubActions);
        expect({ args, githubActions, injections: injections(run.out, githubActions) }).toEqual({ args, githubActions, injections: [] });
        if (args[0] === "diff") expect(run.out).toContain("missing  ## x ::error file=README.md,line=1::Forged ::stop-commands::pwn\\u{1b}]0;title\\u{7}");
      }
    }
  }, 180_000);
});

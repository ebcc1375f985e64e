// What a build of the l10n-drift CLI offers, read from `check --help`, so that the benchmark and
// the GitHub Action work with builds that predate a flag or a format and say what they skipped.
import { execFileSync } from "node:child_process";

/** The help text of `l10n-drift check` from the CLI at `bin`. */
export function checkHelp(bin) {
  return execFileSync(process.execPath, [bin, "check", "--help"], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
}

/** Whether the help lists `flag` as an option (`--no-cache`, `--changed-since <ref>`). */
export function hasFlag(help, flag) {
  return new RegExp(`(^|[\\s,])${flag.replace(/[-]/g, "\\-")}(?=[\\s,=<[]|$)`, "m").test(help);
}

/** The choices commander lists for `--format`; the description may wrap over several lines. */
export function formatChoices(help) {
  const start = help.indexOf("--format");
  if (start === -1) return [];
  const rest = help.slice(start);
  const end = rest.search(/\n\s+-/);
  const entry = (end === -1 ? rest : rest.slice(0, end)).replace(/\s+/g, " ");
  const choices = /choices: ((?:"[^"]+"(?:, )?)+)/.exec(entry);
  return choices ? [...choices[1].matchAll(/"([^"]+)"/g)].map((match) => match[1]) : [];
}

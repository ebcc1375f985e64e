import { describe, expect, it } from "vitest";
import { main, type CliIo } from "../../src/cli/main.js";
import { makeTree } from "../support/fixtures.js";

async function cli(cwd: string, ...args: string[]): Promise<string> {
  let out = "";
  const io: CliIo = { stdout: (text) => void (out += text), stderr: (text) => void (out += text), env: { NO_COLOR: "1" }, stdoutIsTty: false, cwd };
  await main(args, io);
  return out;
}

describe("check --verbose", () => {
  it("says, under a translation's findings, which sections were paired by evidence and why", async () => {
    const root = await makeTree({
      "articles/guide.md": "# Guide\n\n## Install\n\nRun this:\n\n```sh\nnpm install l10n-drift\n```\n\n## Usage\n\nSee [the docs](https://example.com/docs).\n",
      "locales/de/guide.md": "# Anleitung\n\n## Installation\n\nFühren Sie aus:\n\n```sh\nnpm install l10n-drift\n```\n\n## Verwendung\n\nSiehe [die Doku](https://example.com/other).\n",
    });
    const out = await cli(root, "check", "--verbose", "--no-history");
    const lines = out.split("\n");
    const start = lines.indexOf("Every finding (2)");
    expect(lines.slice(start, start + 8)).toEqual([
      "Every finding (2)",
      "guide.md",
      "  de",
      "    locales/de/guide.md:11:1  warning  `Verwendung` (`#verwendung`) has no link to `https://example.com/docs`; expected one, as in the source.  link-drift",
      "    locales/de/guide.md:13:7  warning  The link to `https://example.com/other` in `Verwendung` (`#verwendung`) is not in the source's section; expected the source's link targets.  link-drift",
      "    paired  `Install` (#install) ↔ `Installation` (#installation) by content, score 4.55 (code, level, position, length)",
      "    paired  `Usage` (#usage) ↔ `Verwendung` (#verwendung) by sequence, score 1.188 (level, position, length)",
      "",
    ]);
  });
});

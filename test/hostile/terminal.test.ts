import { describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { formatText, printable } from "../../src/reporters/text.js";
import { makeTree } from "../support/fixtures.js";
import { SOURCE } from "./trees.js";

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

import { describe, expect, it } from "vitest";
import { alignSections } from "../../src/align/align.js";
import { parseDocument } from "../../src/parse/document.js";

function sections(markdown: string) {
  return parseDocument("doc.md", new TextEncoder().encode(markdown)).sections;
}

function rows(source: string, translation: string) {
  return alignSections(sections(source), sections(translation)).rows.map((row) => [row.source ?? null, row.translation ?? null, row.method ?? null]);
}

describe("alignSections", () => {
  it("matches by any shared id: explicit anchors, aliases and the heading slug", () => {
    const source = "# Connect a network\n## <a name=\"exchange\"></a>Exchange\n## Next steps\n";
    const translation = "# <a name=\"connect-a-network\"></a>Verbinden\n## <a name=\"through-exchange\"></a><a name=\"exchange\"></a>Über Exchange\n## <a name=\"next-steps\"></a>Nächste Schritte\n";
    expect(rows(source, translation)).toEqual([
      [0, 0, "anchor"],
      [1, 1, "anchor"],
      [2, 2, "anchor"],
    ]);
  });

  it("falls back to order and level between anchored neighbours when headings are translated", () => {
    const source = "# Title {#title}\n## Install\n### On Linux\n## Configure\n";
    const translation = "# Titel {#title}\n## Installieren\n### Unter Linux\n## Konfigurieren\n";
    expect(rows(source, translation)).toEqual([
      [0, 0, "anchor"],
      [1, 1, "sequence"],
      // `on-linux` and `unter-linux` share a word: the slug speaks for the pair.
      [2, 2, "content"],
      [3, 3, "sequence"],
    ]);
  });

  it("does not pair two sections whose explicit ids differ and nothing else speaks for them", () => {
    const source = "# T {#t}\n## <a name=\"alpha\"></a>A\n## <a name=\"zulu\"></a>Z\n";
    const translation = "# T {#t}\n## <a name=\"bravo\"></a>B\n## <a name=\"zulu\"></a>Z\n";
    expect(rows(source, translation)).toEqual([
      [0, 0, "anchor"],
      [1, null, null],
      [null, 1, null],
      [2, 2, "anchor"],
    ]);
  });

  it("keeps a moved section matched, at its source position", () => {
    const source = "# T {#t}\n## A {#a}\n## B {#b}\n## C {#c}\n";
    const translation = "# T {#t}\n## C {#c}\n## A {#a}\n## B {#b}\n";
    expect(rows(source, translation)).toEqual([
      [0, 0, "anchor"],
      [1, 2, "anchor"],
      [2, 3, "anchor"],
      [3, 1, "anchor"],
    ]);
  });

  it("pairs the text before the first heading as the preamble", () => {
    expect(rows("Intro.\n# A\n", "Einleitung.\n# A\n")).toEqual([
      [0, 0, "preamble"],
      [1, 1, "anchor"],
    ]);
  });

  it("is deterministic and symmetric in what it pairs", () => {
    const a = "# T {#t}\n## One\n## Two\n### Sub\n## <a name=\"x\"></a>X\n";
    const b = "# T {#t}\n## Eins\n### Unter\n## <a name=\"x\"></a>X\n## Extra\n";
    const forward = alignSections(sections(a), sections(b)).rows.filter((row) => row.source !== undefined && row.translation !== undefined);
    const backward = alignSections(sections(b), sections(a)).rows.filter((row) => row.source !== undefined && row.translation !== undefined);
    expect(forward.map((row) => [row.source, row.translation]).sort()).toEqual(backward.map((row) => [row.translation, row.source]).sort());
    expect(alignSections(sections(a), sections(b))).toEqual(alignSections(sections(a), sections(b)));
  });
});

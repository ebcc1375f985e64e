import { describe, expect, it } from "vitest";
import { compareSources } from "../../src/history/compare.js";
import { parseDocument } from "../../src/parse/document.js";

const doc = (text: string) => parseDocument("articles/a.md", new TextEncoder().encode(text));

function kinds(before: string, after: string): Array<[string, string[]]> {
  return compareSources(doc(before), doc(after), ["title"]).changed.map((section) => [section.anchor, section.kinds]);
}

describe("classifying a source change", () => {
  const base = "# A\n\nSee [the docs](https://a.example/docs) and ![a chart](chart.png).\n\n| Port | Use |\n| --- | --- |\n| 80 | web |\n\nRun `tool --fast`.\n";

  it("names each kind of change", () => {
    expect(kinds(base, base.replace("https://a.example/docs", "https://b.example/docs"))).toEqual([["a", ["link"]]]);
    expect(kinds(base, base.replace("chart.png", "chart-v2.png"))).toEqual([["a", ["image"]]]);
    expect(kinds(base, base.replace("| 80 | web |", "| 443 | web |"))).toEqual([["a", ["table"]]]);
    expect(kinds(base, base.replace("--fast", "--slow"))).toEqual([["a", ["code"]]]);
    expect(kinds(base, base.replace("Run", "Start"))).toEqual([["a", ["prose"]]]);
    expect(kinds(base, `${base}\n:::image type="content" source="media/x.png" alt-text="X":::\n`)).toEqual([["a", ["image", "prose"]]]);
  });

  it("calls a change formatting when both sides normalise to the same Markdown", () => {
    const rewritten = "# A\n\nSee [the docs](https://a.example/docs)\nand ![a chart](chart.png).\n\n|Port|Use|\n|-|-|\n|80|web|\n\nRun `tool --fast`.\n";
    expect(kinds(base, rewritten)).toEqual([["a", ["formatting"]]]);
    expect(kinds("# A\n\n* one\n* two\n", "# A\n\n- one\n- two\n")).toEqual([["a", ["formatting"]]]);
  });

  it("reports sections added and removed by id, a retitled one as changed, and translated front matter", () => {
    const before = doc('---\ntitle: A\n---\n# A\n\n## Setup\n\nx\n\n## <a name="old"></a>Old\n\ny\n');
    const after = doc('---\ntitle: B\n---\n# A\n\n## Set-up\n\nx\n\n## <a name="new"></a>New\n\ny\n');
    const comparison = compareSources(before, after, ["title"]);
    // Like translations, sections without explicit ids between matched neighbours pair by position.
    expect(comparison.changed.map((section) => [section.anchor, section.kinds])).toEqual([["set-up", ["prose"]]]);
    expect(comparison.added.map((section) => section.anchor)).toEqual(["new"]);
    expect(comparison.removed.map((section) => section.anchor)).toEqual(["old"]);
    expect(comparison.frontMatter).toEqual(["title"]);
  });
});

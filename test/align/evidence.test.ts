import { describe, expect, it } from "vitest";
import { alignSections } from "../../src/align/align.js";
import { parseDocument } from "../../src/parse/document.js";
import type { Pair } from "../../src/model/pair.js";
import { PRESETS } from "../../src/config/presets/index.js";
import { render } from "../../src/engine/hooks.js";
import { missingSection } from "../../src/rules/missing-section.js";

function parse(file: string, markdown: string) {
  return parseDocument(file, new TextEncoder().encode(markdown));
}

function rows(source: string, translation: string) {
  return alignSections(parse("en.md", source).sections, parse("de.md", translation).sections).rows.map((row) => [row.source ?? null, row.translation ?? null, row.method ?? null]);
}

const FENCE = "```";

describe("alignment by evidence", () => {
  it("counts a link to the same page in the reader's language, and a Markdown sample by its markup, not its words", () => {
    const source = `## Frontmatter\n\n${FENCE}md\n---\ntitle: This is a page\n---\n${FENCE}\n\n## Inline styles\n\nSee [the guide](/getting-started/).\n\n${FENCE}md\nText can be **bold** and _italic_.\n${FENCE}\n\n## Images\n\n![Stars](../../assets/stars.png)\n`;
    const translation = `## 프런트매터\n\n${FENCE}md\n---\ntitle: 페이지\n---\n${FENCE}\n\n## 인라인 스타일\n\n[가이드](/ko/getting-started/)를 참조하세요.\n\n${FENCE}md\n텍스트는 **굵게**, _기울임꼴_ 로 쓸 수 있습니다.\n${FENCE}\n\n## 이미지\n\n![별](../../assets/stars.png)\n`;
    const aligned = (locales?: ReadonlySet<string>) => alignSections(parse("en.md", source).sections, parse("ko.md", translation).sections, locales).rows.map((row) => [row.source ?? null, row.translation ?? null]);
    expect(aligned(new Set(["en", "ko"]))).toEqual([[0, 0], [1, 1], [2, 2]]);
    // Without the pair's locales the link is another target, and the middle pair falls below the floor.
    expect(aligned()).toEqual([[0, 0], [1, null], [null, 1], [2, 2]]);
  });

  it("pairs a renamed section (its English slug keeps most words) and not a replaced one", () => {
    const source = "# T\n## DNS proxy (preview)\nText.\n## Audit scope\nText.\n## Next steps\n";
    const translation = '# <a name="t"></a>T\n## <a name="dns-proxy"></a>DNS-Proxy\nText.\n## <a name="global-certifications"></a>Globale Zertifizierungen\nText.\n## <a name="next-steps"></a>Nächste Schritte\n';
    expect(rows(source, translation)).toEqual([
      [0, 0, "anchor"],
      [1, 1, "content"],
      [2, null, null],
      [null, 2, null],
      [3, 3, "anchor"],
    ]);
  });

  it("matches a translation id that repeats with the source's occurrences in order (new-vm, new-vm-1)", () => {
    const source = "# T\n## PowerShell\n### New VM\nA\n### Delete VM\nB\n## CLI\n### New VM\nC\n### Delete VM\nD\n";
    const translation =
      '# <a name="t"></a>T\n## <a name="powershell"></a>PowerShell\n### <a name="new-vm"></a>Neue VM\nA\n### <a name="delete-vm"></a>VM löschen\nB\n' +
      '## <a name="cli"></a>CLI\n### <a name="new-vm"></a>Neue VM\nC\n### <a name="delete-vm"></a>VM löschen\nD\n';
    const alignment = alignSections(parse("en.md", source).sections, parse("de.md", translation).sections);
    expect(alignment.rows.map((row) => [row.source, row.translation, row.method])).toEqual([
      [0, 0, "anchor"],
      [1, 1, "anchor"],
      [2, 2, "content"],
      [3, 3, "content"],
      [4, 4, "anchor"],
      [5, 5, "content"],
      [6, 6, "content"],
    ]);
    expect(alignment.rows[5]!.evidence).toEqual({ score: 4.75, kinds: ["id", "level", "position", "length"] });
  });

  it("pairs by identical code when ids say nothing, and leaves the section English added missing", () => {
    const code = `${FENCE}powershell\nGet-AzExpressRouteCircuit -Name "ExpressRouteARMCircuit"\nSet-AzExpressRouteCircuit -ExpressRouteCircuit $ckt\n${FENCE}\n`;
    const source = `# Reset\n## Azure portal\n1. Sign in.\n1. Select **Refresh**.\n## Azure PowerShell\n${code}## Next steps\n`;
    const translation = `# <a name="reset"></a>Zurücksetzen\n## <a name="reset-a-circuit"></a>Zurücksetzen einer Verbindung\n${code}## <a name="next-steps"></a>Nächste Schritte\n`;
    const alignment = alignSections(parse("en.md", source).sections, parse("de.md", translation).sections);
    expect(alignment.rows.map((row) => [row.source ?? null, row.translation ?? null, row.method ?? null])).toEqual([
      [0, 0, "anchor"],
      [1, null, null],
      [2, 1, "content"],
      [3, 2, "anchor"],
    ]);
    expect(alignment.rows[2]!.evidence!.kinds).toContain("code");
  });

  it("leaves two same-level sections with no evidence in common unpaired: one missing, one extra", () => {
    const source = "# T\n## Audit scope\nOne paragraph.\n## Next steps\n";
    const translation = '# <a name="t"></a>T\n## <a name="global-certifications"></a>Globale Zertifizierungen\n- a\n- b\n- c\n## <a name="next-steps"></a>Nächste Schritte\n';
    expect(rows(source, translation)).toEqual([
      [0, 0, "anchor"],
      [1, null, null],
      [null, 1, null],
      [2, 2, "anchor"],
    ]);
  });

  it("does not let a shared slug pair two levels when the slug repeats (Starlight reference/overrides.md)", () => {
    const source = "# Overrides\n### Header\nThe header.\n#### Header\nUses `Header.astro`.\n#### SiteTitle\nUses `SiteTitle.astro`.\n";
    const translation = "# Overrides\n### Kopfzeile\nDie Kopfzeile.\n#### Header\nNutzt `Header.astro`.\n#### SiteTitle\nNutzt `SiteTitle.astro`.\n";
    expect(rows(source, translation)).toEqual([
      [0, 0, "anchor"],
      [1, 1, "sequence"],
      [2, 2, "content"],
      [3, 3, "anchor"],
    ]);
  });

  it("never advises adding a missing section after its own translation", () => {
    const sourceText = "# T\n## Footnotes\nUse `[^1]`.\n## Advanced configuration\nSee [remark](https://github.com/remarkjs/remark) and `remarkPlugins`.\n";
    const translationText = "# T\n## Configuración avanzada\nVer [remark](https://github.com/remarkjs/remark) y `remarkPlugins`.\n";
    const source = parse("en.md", sourceText);
    const translation = parse("es.md", translationText);
    // A row paired by sequence only, wrongly: the one place the message could name the section's own translation.
    const pair: Pair = {
      article: "a.md",
      locale: "es",
      source,
      translation,
      alignment: { rows: [{ source: 0, translation: 0, method: "anchor" }, { source: 1, translation: 1, method: "sequence" }, { source: 2 }] },
    };
    const messages = missingSection
      .checkPair!(pair, { options: {}, sourceLocale: "en", keys: PRESETS.default.keys })
      .map((draft) => [draft.anchor, draft.line, render(missingSection.messages[draft.messageId]!, draft.data)]);
    expect(messages).toEqual([["advanced-configuration", 2, "Section `Advanced configuration` (`#advanced-configuration`) is missing; add it after `T` (`#t`), as in the source."]]);
    // And the alignment itself pairs it right.
    expect(alignSections(source.sections, translation.sections).rows.map((row) => [row.source ?? null, row.translation ?? null, row.method ?? null])).toEqual([
      [0, 0, "anchor"],
      [1, null, null],
      [2, 1, "content"],
    ]);
  });

  it("aligns a gap too large to score linearly, by level", () => {
    const headings = (word: string) => Array.from({ length: 210 }, (_, index) => `## ${word} ${index}\n`).join("");
    const result = rows(`# T {#t}\n${headings("Part")}`, `# T {#t}\n${headings("Teil")}`);
    expect(result.length).toBe(211);
    expect(result[1]).toEqual([1, 1, "sequence"]);
    expect(result[210]).toEqual([210, 210, "sequence"]);
  });
});

import { readFileSync, readdirSync } from "node:fs";
import { diffLines } from "diff";
import { describe, expect, it } from "vitest";
import { changedLineCount, MAX_LINE_EDITS } from "../../src/history/line-diff.js";

/** What the count replaced: jsdiff's line diff, its added and removed lines summed, or every line past the limit. */
function jsdiffCount(before: string, after: string): number {
  const changes = diffLines(before, after, { maxEditLength: MAX_LINE_EDITS });
  const lines = (text: string) => (text === "" ? 0 : text.split("\n").length - (text.endsWith("\n") ? 1 : 0));
  if (changes === undefined) return lines(before) + lines(after);
  return changes.reduce((count, change) => count + (change.added || change.removed ? (change.count ?? 0) : 0), 0);
}

const numbered = (prefix: string, count: number) => Array.from({ length: count }, (_, index) => `${prefix}${index}\n`).join("");

describe("changedLineCount", () => {
  it("counts as jsdiff's diffLines does on the bundled articles and their edits", () => {
    const translations = readdirSync(new URL("../../locales/", import.meta.url)).map((locale) => readFileSync(new URL(`../../locales/${locale}/expressroute/expressroute-connectivity-models.md`, import.meta.url), "utf8"));
    const english = readFileSync(new URL("../../articles/expressroute/expressroute-connectivity-models.md", import.meta.url), "utf8");
    const lines = english.split("\n");
    const texts = [english, ...translations, english.replaceAll("\n", "\r\n"), ""];
    for (let index = 0; index < lines.length; index += 2) {
      texts.push([...lines.slice(0, index), ...lines.slice(index + 3)].join("\n"));
      texts.push([...lines.slice(index), ...lines.slice(0, index)].join("\n"));
    }
    for (const before of texts) for (const after of texts.slice(0, 12)) expect(changedLineCount(before, after)).toBe(jsdiffCount(before, after));
  });

  it("counts as diffLines does on random texts of few distinct lines", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = ["a", "b", "", " ", "a ", "\r"];
    const endings = ["\n", "\r\n", ""];
    const text = () => Array.from({ length: Math.floor(random() * 10) }, () => pieces[Math.floor(random() * pieces.length)]! + endings[Math.floor(random() * endings.length)]!).join("");
    for (let round = 0; round < 5000; round++) {
      const before = text();
      const after = random() < 0.5 ? text() : before.slice(0, Math.floor(random() * before.length)) + text();
      expect(changedLineCount(before, after)).toBe(jsdiffCount(before, after));
    }
  });

  it("counts every line of both past the limit, and the edits up to it", () => {
    const cases: Array<[string, string, number]> = [
      [numbered("old", 20_000), numbered("new", 20_000), 40_000],
      [`top\n${numbered("x", 1000)}end\n`, `top\n${numbered("y", 1000)}end\n`, 2000],
      [`top\n${numbered("x", 1001)}end\n`, `top\n${numbered("y", 1000)}end\n`, 1003 + 1002],
      ["", numbered("y", 2001), 2001],
      ["a\nb\nc\n", "a\nB\nc\n", 2],
    ];
    for (const [before, after, count] of cases) {
      expect(changedLineCount(before, after)).toBe(count);
      if (count < 40_000) expect(jsdiffCount(before, after)).toBe(count);
    }
  });
});

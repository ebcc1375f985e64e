import { PRESETS } from "../../../src/config/presets/index.js";
import { render } from "../../../src/engine/hooks.js";
import { describe, expect, it } from "vitest";
import { alignSections } from "../../../src/align/align.js";
import type { Pair } from "../../../src/model/pair.js";
import { parseDocument } from "../../../src/parse/document.js";
import { codeDrift } from "../../../src/rules/code-drift.js";
import { linkDrift } from "../../../src/rules/link-drift.js";


function parse(file: string, text: string) {
  return parseDocument(file, new TextEncoder().encode(text));
}

/** A translation made from `baseline`, checked against `source`, which changed since. */
function pairOf(baseline: string, source: string, translation: string): Pair {
  const sourceDocument = parse("articles/guide.md", source);
  const translationDocument = parse("locales/de/guide.md", translation);
  return {
    article: "guide.md",
    locale: "de",
    source: sourceDocument,
    translation: translationDocument,
    alignment: alignSections(sourceDocument.sections, translationDocument.sections),
    baseline: { method: "source-commit-pin", commit: "0123456789abcdef0123456789abcdef01234567", source: parse("articles/guide.md", baseline) },
  };
}

describe("differences dated against the baseline source", () => {
  const baseline = "# Guide\n\nSee [plan](plan.md) and [limits](limits.md).\n\n```sh\naz login\n```\n";
  const source = "# Guide\n\nSee [plan](plan.md), [limits](limits.md) and [pricing](pricing.md).\n\n```sh\naz login --use-device-code\n```\n";
  const translation = "# Anleitung\n\nSiehe [Plan](plan.md).\n\n```sh\naz login\n```\n";

  it("calls a difference already in the baseline a translator's error, and a later one upstream drift", () => {
    const findings = linkDrift.checkPair!(pairOf(baseline, source, translation), { options: linkDrift.options, sourceLocale: "en", keys: PRESETS.default.keys });
    expect(findings.map((finding) => [finding.data?.target, finding.data?.since])).toEqual([
      ["limits.md", "baseline"],
      ["pricing.md", "upstream"],
    ]);
    expect(findings.map((finding) => finding.cause)).toEqual(["translation", "upstream"]);
    expect(render(linkDrift.messages[findings[0]!.messageId]!, findings[0]!.data)).toBe(
      "`Anleitung` (`#anleitung`) has no link to `limits.md`; expected one, as in the source. It was already so in the source version this was translated from.",
    );
    expect(render(linkDrift.messages[findings[1]!.messageId]!, findings[1]!.data)).toMatch(/ The source changed after this was translated\.$/);
  });

  it("dates a code change the source made after the translation as upstream", () => {
    const [finding] = codeDrift.checkPair!(pairOf(baseline, source, translation), { options: codeDrift.options, sourceLocale: "en", keys: PRESETS.default.keys });
    expect(finding).toMatchObject({ messageId: "changed", cause: "upstream", key: expect.stringMatching(/^changed:[0-9a-f]{16}$/) });
    expect(finding?.data).toMatchObject({ sourceLine: 5, since: "upstream" });
    expect(finding?.line).toBe(5);
  });

  it("leaves `since` out when no baseline is known", () => {
    const pair = pairOf(baseline, source, translation);
    delete pair.baseline;
    expect(linkDrift.checkPair!(pair, { options: linkDrift.options, sourceLocale: "en", keys: PRESETS.default.keys }).map((finding) => [finding.data?.target, finding.data?.since, finding.cause])).toEqual([
      ["limits.md", undefined, "unknown"],
      ["pricing.md", undefined, "unknown"],
    ]);
  });
});

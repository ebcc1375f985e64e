import { describe, expect, it } from "vitest";
import { escapeData, escapeProperty, formatGithub } from "../../src/reporters/github.js";
import { edgeReport } from "../support/reports.js";

describe("formatGithub", () => {
  it("writes one workflow command per finding, info as notice, then the summary", () => {
    const lines = formatGithub(edgeReport()).trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^::error file=locales\/fr\/guide\/setup\.md,line=3,col=1,title=missing-section \(fr\)::Section `Setup /);
    expect(lines[1]).toBe("::warning file=articles/guide/setup.md,title=missing-translation (ja)::No translation at `locales/ja/guide/setup.md`, 50%25 done, a:b,c.");
    expect(lines[2]).toBe("::notice file=locales/fr/old/gone.md,title=orphan-translation (fr)::Line one%0D%0Aline two \u001b[31mred");
    expect(lines[3]).toBe("✖ 3 findings (1 error, 1 warning, 1 info) in 1 article × 2 locales");
  });

  it("escapes as the Actions toolkit does", () => {
    expect(escapeData("100% a:b,c\r\nd")).toBe("100%25 a:b,c%0D%0Ad");
    expect(escapeProperty("100% a:b,c\r\nd")).toBe("100%25 a%3Ab%2Cc%0D%0Ad");
    // `%` first, so an escape already in the text is not decoded by the runner.
    expect(escapeData("%0A")).toBe("%250A");
  });
});

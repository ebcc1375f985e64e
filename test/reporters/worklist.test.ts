import { describe, expect, it } from "vitest";
import type { WorkList } from "../../src/index.js";
import { formatWorkStatus, formatWorkLists } from "../../src/reporters/worklist.js";

const list = (overrides: Partial<WorkList>): WorkList => ({
  article: "a.md",
  locale: "de",
  file: "locales/de/a.md",
  sourceFile: "articles/a.md",
  state: "stale",
  baseline: { method: "translation-commit", commit: "0123456789abcdef", commitsBehind: 2, skippedCommits: 0 },
  added: [],
  changed: [],
  removed: [],
  skipped: [],
  includes: [],
  size: 0,
  ...overrides,
});

describe("the work list reporter", () => {
  it("highlights the changed words of a changed line when colour is on, and only then", () => {
    const changed = [{ anchor: "ports", title: "Ports", level: 2, kinds: ["code" as const], diff: "@@ -3,1 +3,1 @@\n-open port 80 now\n+open port 443 now" }];
    const plain = formatWorkLists([list({ changed, size: 2 })], { color: false });
    expect(plain).toContain("    -open port 80 now\n    +open port 443 now\n");
    const colored = formatWorkLists([list({ changed, size: 2 })], { color: true });
    // Inverse video (ESC[7m) marks exactly the words that changed.
    expect(colored).toContain("\u001b[7m80\u001b[27m");
    expect(colored).toContain("\u001b[7m443\u001b[27m");
    expect(colored).not.toContain("\u001b[7mopen");
  });

  it("ranks each locale's work by size, largest first, and leaves up-to-date ones out", () => {
    const text = formatWorkStatus(
      [
        list({ file: "locales/de/small.md", size: 3, changed: [] }),
        list({ file: "locales/de/current.md", state: "current", size: 0 }),
        list({ file: "locales/de/big.md", size: 40 }),
        list({ locale: "sv", file: "locales/sv/a.md", state: "missing", size: 12, baseline: undefined }),
      ],
      { color: false },
    );
    expect(text).toBe(
      [
        "de  2 to update, 0 missing, 0 unknown baseline, 1 up to date",
        "     40 lines  stale    locales/de/big.md  2 commits behind",
        "      3 lines  stale    locales/de/small.md  2 commits behind",
        "sv  0 to update, 1 missing, 0 unknown baseline, 0 up to date",
        "     12 lines  missing  locales/sv/a.md  no translation",
        "",
      ].join("\n"),
    );
  });
});

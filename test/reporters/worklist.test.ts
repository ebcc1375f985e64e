import { describe, expect, it } from "vitest";
import type { WorkList } from "../../src/index.js";
import { formatWorkLists } from "../../src/reporters/worklist.js";

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
  frontMatter: [],
  values: [],
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
});

import { describe, expect, it } from "vitest";
import { makeRepo } from "../support/git.js";
import { runCli } from "./cli.js";

const SOURCE_WITH_BAD_INCLUDE = "---\ntitle: Guide\nms.date: 10/07/2020\n---\n\n# Guide\n\n## <a name=\"setup\"></a>Set up\n\n[!INCLUDE [t](%.md)]\n\nInstall the tool.\n";
const TRANSLATION = "---\ntitle: Guide\nms.date: 10/07/2020\n---\n\n# Guide\n\n## <a name=\"setup\"></a>Einrichten\n\n[!INCLUDE [t](%.md)]\n\nInstalliere das Werkzeug.\n";

describe("percent escapes in include paths", () => {
  it("`[!INCLUDE [t](%.md)]` does not stop check, diff or status", async () => {
    const repo = await makeRepo();
    await repo.commit("source", { "articles/guide.md": SOURCE_WITH_BAD_INCLUDE });
    const translated = await repo.commit("translate", { "locales/de/guide.md": TRANSLATION });
    await repo.commit("include", { "articles/%.md": "Shared text.\n" });
    for (const args of [["check"], ["diff", "guide.md"], ["status"]]) {
      const run = runCli([...args, "--root", repo.root, "--format", "json"]);
      expect({ args, stderr: run.stderr, status: run.status }).toEqual({ args, stderr: "", status: 0 });
    }
    const report = JSON.parse(runCli(["check", "--root", repo.root, "--format", "json"]).stdout) as { findings: Array<{ ruleId: string; file: string; message: string }> };
    expect(report.findings.map(({ ruleId, file, message }) => ({ ruleId, file, message }))).toEqual([
      {
        ruleId: "stale-source",
        file: "locales/de/guide.md",
        message: `The source changed since this translation's baseline \`${translated.slice(0, 7)}\` (translation-commit): include \`articles/%.md\` changed; 0 commits and 0 lines behind. Update the sections listed.`,
      },
    ]);
  });
});

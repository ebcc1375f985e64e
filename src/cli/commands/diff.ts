import { Option, type Command } from "commander";
import path from "node:path";
import { DriftError } from "../../errors.js";
import { workLists } from "../../index.js";
import { formatWorkLists } from "../../reporters/worklist.js";
import { jsonText } from "../../reporters/escape.js";
import { toPosix } from "../../util/posix-path.js";
import { useColor, type CliIo } from "../io.js";
import { commonCheckOptions, withCommonOptions, type CommonFlags } from "../options.js";

export function registerDiff(program: Command, io: CliIo): void {
  withCommonOptions(
    program
      .command("diff")
      .description("what to translate in one article: source sections added, changed (with a diff) and removed since each translation's baseline")
      .argument("<article>", "the article: a path in the tree (its source or a translation), or relative to the source directory"),
  )
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .action(async (article: string, flags: CommonFlags & { format: "text" | "json" }) => {
      const options = commonCheckOptions(flags, io);
      const typed = inRoot(options.root, path.resolve(io.cwd, article)) ?? toPosix(article);
      const lists = await workLists({ ...options, articleFiles: [typed] });
      // An article outside the selected locales has no work list; one that does not exist was refused above.
      if (lists.length === 0) throw new DriftError("USAGE", `no translation of \`${article}\` in the selected locales`);
      io.stdout(flags.format === "json" ? jsonText(lists) : formatWorkLists(lists, { color: useColor(io) }));
    });
}

/** A path typed from the working directory, as a path in the tree when it is inside the root. */
function inRoot(root: string, absolute: string): string | undefined {
  const relative = path.relative(root, absolute);
  return relative === "" || relative.startsWith("..") || path.isAbsolute(relative) ? undefined : toPosix(relative);
}

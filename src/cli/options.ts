import { InvalidArgumentError, type Command } from "commander";
import { existsSync } from "node:fs";
import path from "node:path";
import { DEFAULT_CACHE_DIR } from "../engine/cache.js";
import type { Shard } from "../engine/run.js";
import type { CheckOptions } from "../index.js";
import type { CliIo } from "./io.js";
import { visibleControls } from "../reporters/escape.js";

/** The options every command that reads a tree takes, declared here only. */
export interface CommonFlags {
  root: string;
  config?: string;
  history: boolean;
  locale: string[];
  skipMarker: string[];
  trackProperty?: string;
  debug?: boolean;
}

export const ROOT_HELP = "tree to check (layout from its configuration or preset)";
export const CONFIG_HELP = 'configuration file (default: l10n-drift.config.json, or package.json "l10n-drift")';
export const DEBUG_HELP = "print stack traces for internal errors";

/** `--root`, `--config`, `--locale`, `--no-history` and `--debug`, meaning the same on every command. */
export function withCommonOptions(command: Command): Command {
  return withTreeOptions(command)
    .option("--locale <list>", "comma-separated locales (folder name or BCP 47 code); repeatable", collectList, [])
    .option("--no-history", "do not read git history: compare dates, as without a repository, and say nothing of it")
    .option("--skip-marker <text>", "commit message marker of source changes that need no translation, such as [i18nIgnore]; repeatable; replaces history.skipMarkers", collect, [])
    .option("--track-property <key>", "front matter key a source sets to true to be meant for translation (history.trackProperty), such as i18nReady");
}

/** `--root`, `--config` and `--debug` only, for commands where locales and history mean nothing (`init`, `rules`). */
export function withTreeOptions(command: Command): Command {
  return command.option("--root <dir>", ROOT_HELP, ".").option("--config <file>", CONFIG_HELP).option("--debug", DEBUG_HELP);
}

/** What the common flags mean for the engine; the same for every command. */
export function commonCheckOptions(flags: CommonFlags, io: Pick<CliIo, "cwd" | "stderr">): CheckOptions & { root: string } {
  return {
    root: path.resolve(io.cwd, flags.root),
    // A folder name may hold anything; the terminal gets it with its control characters visible.
    onWarning: (message) => io.stderr(`l10n-drift: warning: ${visibleControls(message)}\n`),
    ...(flags.config && { configFile: path.resolve(io.cwd, flags.config) }),
    ...(!flags.history && { history: false }),
    ...(flags.locale.length > 0 && { locales: flags.locale }),
    ...(flags.skipMarker.length > 0 && { skipMarkers: flags.skipMarker }),
    ...(flags.trackProperty !== undefined && { trackProperty: flags.trackProperty }),
  };
}

/**
 * `--cache-dir`, else `node_modules/.cache/l10n-drift` where the working directory has a
 * node_modules (as CI jobs that installed the tool do); a docs tree without one gets no cache
 * rather than a new node_modules folder.
 */
export function cacheDirectory(cwd: string, requested: string | undefined): { cacheDir: string } | undefined {
  if (requested !== undefined) return { cacheDir: path.resolve(cwd, requested) };
  return existsSync(path.join(cwd, "node_modules")) ? { cacheDir: path.join(cwd, DEFAULT_CACHE_DIR) } : undefined;
}

export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("expected a whole number");
  return Number(value);
}

export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new InvalidArgumentError("expected i/n with 1 ≤ i ≤ n, such as 2/4");
  return { index, count };
}

export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function collectList(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(",").map((item) => item.trim()).filter((item) => item !== "")];
}

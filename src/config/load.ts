import type { ErrorObject } from "ajv";
import { lstat, realpath, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { DriftError } from "../errors.js";
import type { RuleSettings } from "../engine/rule-settings.js";
import { configSchema, type RuleSchemaSource } from "./schema.js";
import type { PresetName } from "./presets/index.js";
import { unique } from "../util/text.js";
import { isWithin } from "../util/posix-path.js";
import { NotARegularFile, readRegularFile } from "../io/regular-file.js";
import { CONFIG_VALIDATOR_OPTIONS, schemaKey } from "./validator-options.js";
import { buildModule } from "../package-files.js";

/** The configuration as written, after validation. */
export interface Config {
  preset?: PresetName;
  sourceDir?: string;
  sourceLocale?: string;
  localePattern?: string;
  /** Locale folder names, or by name: a BCP 47 code, or `{ code, dir }`. */
  locales?: string[] | Record<string, string | { code?: string; dir?: string }>;
  include?: string[];
  exclude?: string[];
  rules?: RuleSettings;
  keys?: { date?: string; locale?: string; sourceCommit?: string[]; sourceHash?: string[]; translated?: string[]; equal?: string[]; drifted?: string };
  maxFileBytes?: number;
  /**
   * Commit message markers (case-insensitive substrings) of changes that need no translation, and
   * the front matter key that marks a source as meant for translation.
   */
  history?: { skipMarkers?: string[]; trackProperty?: string };
  /** The repository's web address, for the reports' links; default: read from the git remote. */
  repository?: { url: string; branch?: string; rootDir?: string };
  /** States that fail `check` besides `broken`, and the locales they apply to. */
  failOn?: { states?: Array<"outdated" | "missing" | "unreadable" | "broken">; locales?: string[] };
}

export const CONFIG_FILE = "l10n-drift.config.json";

/** Far more than any configuration (or package.json) needs; a larger file is refused unread. */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

export interface LoadedConfig {
  config: Config;
  /** Root-relative file the configuration came from; absent when there is none. */
  file?: string;
}

/**
 * Finds and validates the configuration: `--config FILE`, else `l10n-drift.config.json` in the
 * root, else the `"l10n-drift"` key of the root's package.json, else none. Every schema error is
 * reported at once, with its path and what was expected.
 */
export async function loadConfig(root: string, rules: readonly RuleSchemaSource[], explicit?: string): Promise<LoadedConfig> {
  await requireRootDirectory(root);
  const candidates = explicit ? [{ file: explicit, key: undefined }] : [{ file: CONFIG_FILE, key: undefined }, { file: "package.json", key: "l10n-drift" }];
  for (const candidate of candidates) {
    const text = await readConfigText(root, candidate.file, explicit !== undefined);
    if (text === undefined) continue;
    const parsed = parseJson(text, candidate.file);
    const value = candidate.key === undefined ? parsed : (parsed as Record<string, unknown> | null)?.[candidate.key];
    if (value === undefined) continue;
    const where = candidate.key === undefined ? candidate.file : `${candidate.file} "${candidate.key}"`;
    return { config: await validateConfig(value, rules, where), file: candidate.file };
  }
  return { config: {} };
}

/** Before any file in it: a root that is a file is said to be one, not an unreadable configuration. */
async function requireRootDirectory(root: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(root)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new DriftError("ROOT_UNREADABLE", `the root \`${root}\` ${code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? String(error)})`}`, undefined, { cause: error });
  }
  if (!isDirectory) throw new DriftError("ROOT_UNREADABLE", `the root \`${root}\` is not a directory`);
}

/**
 * A configuration file is read like a document: a regular file only (a named pipe or a link to
 * `/dev/stdin` would hang the run), at most `MAX_CONFIG_BYTES`. The tree's own configuration must
 * be inside the tree once links are resolved; `--config` may name a file anywhere. `undefined`:
 * the tree has no such file.
 */
/**
 * A configuration file's text, read as a bounded regular file (never a FIFO or device, never over
 * `MAX_CONFIG_BYTES`); one found rather than named (`explicit` false) must be inside the tree, and
 * is undefined when absent. Our configuration and Lunaria's are both read this way.
 */
export async function readConfigText(root: string, file: string, explicit: boolean): Promise<string | undefined> {
  const absolute = path.resolve(root, file);
  const cannotRead = (reason: string, cause?: unknown) => new DriftError("CONFIG_INVALID", `cannot read \`${file}\` (${reason})`, undefined, { cause });
  let real: string;
  try {
    real = await realpath(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A link whose target does not resolve (`/dev/stdin` on a pipe) is there, and unreadable.
    const isThere = await lstat(absolute).then(() => true, () => false);
    if (code === "ENOENT" && !explicit && !isThere) return undefined;
    throw cannotRead(isThere && code === "ENOENT" ? "a link to nowhere" : (code ?? String(error)), error);
  }
  if (!explicit) {
    if (!isWithin(await realpath(root), real)) throw new DriftError("CONFIG_INVALID", `\`${file}\` is a link to a file outside the tree; name it with --config to use it`);
  }
  let read: { size: number; bytes?: Uint8Array };
  try {
    read = await readRegularFile(real, MAX_CONFIG_BYTES);
  } catch (error) {
    if (error instanceof NotARegularFile) throw cannotRead(error.message);
    throw cannotRead((error as NodeJS.ErrnoException).code ?? String(error), error);
  }
  if (read.bytes === undefined) throw cannotRead(`${read.size} bytes, over the limit of ${MAX_CONFIG_BYTES}`);
  return Buffer.from(read.bytes).toString("utf8");
}

export async function validateConfig(value: unknown, rules: readonly RuleSchemaSource[], where: string): Promise<Config> {
  const validate = await validatorFor(rules);
  if (validate(value)) return value as Config;
  const problems = describeAll((validate.errors ?? []).filter(isUseful));
  throw new DriftError("CONFIG_INVALID", `${where}: ${problems.join("; ")}`, { problems });
}

interface ConfigValidator {
  (value: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/**
 * The build compiles the schema of the built-in rules to standalone code
 * (`scripts/compile-config-validator.js`); a run with other rules, or from the sources, where that
 * module is absent, compiles its schema with ajv, loaded only then. The specifier is a variable
 * because the module exists only in the build.
 */
const PRECOMPILED_VALIDATOR = buildModule("config/config-validator.js").href;
let precompiled: Promise<{ SCHEMA_KEY: string; validate: ConfigValidator } | undefined> | undefined;
const compiled = new Map<string, ConfigValidator>();

async function validatorFor(rules: readonly RuleSchemaSource[]): Promise<ConfigValidator> {
  const schema = configSchema(rules);
  const key = schemaKey(schema);
  const built = await (precompiled ??= import(PRECOMPILED_VALIDATOR).catch(() => undefined));
  if (built?.SCHEMA_KEY === key) return built.validate;
  let validate = compiled.get(key);
  if (validate === undefined) {
    const { Ajv2020 } = createRequire(import.meta.url)("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
    validate = new Ajv2020(CONFIG_VALIDATOR_OPTIONS).compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    let where = file;
    if (position) {
      const before = text.slice(0, Number(position[1]));
      const lines = before.split("\n");
      where = `${file}:${lines.length}:${(lines.at(-1)?.length ?? 0) + 1}`;
    }
    // V8's message quotes the text around the error ("root:x:0:0"...): the file may be anything, and
    // its bytes are never printed.
    const reason = /end of JSON input|Unterminated/i.test(message) ? "unexpected end" : "unexpected character";
    throw new DriftError("CONFIG_INVALID", `${where}: not valid JSON (${reason})`);
  }
}

/**
 * `oneOf` reports each failed branch and then itself, `if` reports that `then` failed, and
 * `propertyNames` reports its inner `enum` too; the branch errors and the name error say more.
 */
function isUseful(error: ErrorObject): boolean {
  return error.keyword !== "oneOf" && error.keyword !== "if" && !(error.keyword === "enum" && error.schemaPath.includes("/propertyNames/"));
}

/** One message per path: the failed branches of a `oneOf` are joined with "or". */
function describeAll(errors: readonly ErrorObject[]): string[] {
  const byPath = new Map<string, string[]>();
  for (const error of errors) {
    const at = error.instancePath === "" ? "(top level)" : error.instancePath;
    const key = error.schemaPath.includes("/oneOf/") ? `${at} oneOf` : `${at} ${byPath.size}`;
    byPath.set(key, [...(byPath.get(key) ?? []), describe(error).slice(at.length + 2)]);
  }
  return [...byPath.entries()].map(([key, messages]) => `${key.slice(0, key.lastIndexOf(" "))}: ${unique(messages).join(", or ")}`);
}

function describe(error: ErrorObject): string {
  const at = error.instancePath === "" ? "(top level)" : error.instancePath;
  switch (error.keyword) {
    case "additionalProperties":
      return `${at}: unknown property \`${String(error.params.additionalProperty)}\``;
    case "enum":
      return `${at}: must be one of ${(error.params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(", ")}`;
    case "propertyNames":
      return `${at}: unknown rule \`${String(error.params.propertyName)}\``;
    default:
      return `${at}: ${error.message ?? error.keyword}`;
  }
}

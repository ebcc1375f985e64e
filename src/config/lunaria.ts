import { parse as parseJavaScript, parseExpressionAt, type Node } from "acorn";
import { DriftError } from "../errors.js";
import { readConfigText, type Config } from "./load.js";

/** Where Lunaria looks for its configuration, in the order it is read here. */
export const LUNARIA_CONFIG_FILES = ["lunaria.config.json", "lunaria.config.ts", "lunaria.config.mts", "lunaria.config.js", "lunaria.config.mjs"] as const;

/** A configuration imported from Lunaria, and what of it has no equivalent (said to the user, never dropped silently). */
export interface LunariaImport {
  /** The root-relative file it came from. */
  file: string;
  config: Config;
  notes: string[];
}

/** Lunaria 0.1's default `ignoreKeywords`, used when a configuration does not list its own. */
const LUNARIA_DEFAULT_KEYWORDS = ["lunaria-ignore", "fix typo"];

interface LunariaLocale {
  lang: string;
  tag?: string;
}

interface LunariaFiles {
  include: string[];
  exclude: string[];
  pattern: string;
  type: string;
}

/**
 * Our configuration from a parsed Lunaria configuration, pure. Both shapes in use are read:
 * Lunaria 0.1 (Starlight's `lunaria.config.json`: `defaultLocale`, `files[].location` and `ignore`,
 * top-level `ignoreKeywords` and `localizableProperty`) and Lunaria 1 (Astro docs' `lunaria.config.ts`:
 * `sourceLocale`, `files[].include` and `exclude`, `tracking.ignoredKeywords` and `localizableProperty`).
 *
 * Only `universal` files (one document per locale at a path the `pattern` gives) are documents to
 * check; `dictionary` files (UI strings) are noted. The pattern says where locale trees are:
 * `<dir>/@lang/@path` (or `@tag`) is `localePattern: "<dir>/{locale}"`; the English files are in
 * `<dir>/<source lang>/` or, where the pattern's `@lang/` is left out for the source (Starlight's
 * root locale), in `<dir>/` itself, whose locale folders are then excluded from the sources.
 */
export function configFromLunaria(lunaria: unknown, file: string): LunariaImport {
  const where = (at: string) => `${file}: ${at}`;
  const root = asObject(lunaria, where("(top level)"));
  const notes: string[] = [];
  const sourceLocale = readLocale(root.sourceLocale ?? root.defaultLocale, where(root.sourceLocale !== undefined ? "/sourceLocale" : "/defaultLocale"));
  const localeList = asArray(root.locales, where("/locales")).map((locale, index) => readLocale(locale, where(`/locales/${index}`)));
  if (localeList.length === 0) throw new DriftError("CONFIG_INVALID", `${where("/locales")}: lists no locale`);
  const fileEntries = asArray(root.files, where("/files")).map((entry, index) => readFiles(entry, where(`/files/${index}`)));
  const universal = fileEntries.filter((entry) => entry.type === "universal");
  for (const entry of fileEntries.filter((candidate) => candidate.type !== "universal")) {
    notes.push(`\`${entry.type}\` files (\`${entry.include.join("`, `")}\`) are not documents: not checked`);
  }
  if (universal.length === 0) throw new DriftError("CONFIG_INVALID", `${where("/files")}: has no \`universal\` files, so no documents to check`);
  if (universal.length > 1) notes.push(`${universal.length} \`universal\` file entries: the first (\`${universal[0]!.pattern}\`) gives the layout, the others are not imported`);
  const documents = universal[0]!;
  const layout = layoutOf(documents, sourceLocale, localeList, where(`/files/${fileEntries.indexOf(documents)}`));

  const exclude = [
    ...layout.localeExcludes,
    ...documents.exclude.flatMap((glob) => {
      const relative = relativeGlob(glob, layout.sourceDir);
      if (relative === undefined) notes.push(`the ignore glob \`${glob}\` is outside \`${layout.sourceDir}/\`: not imported`);
      return relative === undefined ? [] : [relative];
    }),
  ];
  const tracking = root.tracking === undefined ? {} : asObject(root.tracking, where("/tracking"));
  const keywordsValue = tracking.ignoredKeywords ?? root.ignoreKeywords;
  const keywords = keywordsValue === undefined ? LUNARIA_DEFAULT_KEYWORDS : asArray(keywordsValue, where(tracking.ignoredKeywords !== undefined ? "/tracking/ignoredKeywords" : "/ignoreKeywords")).map((keyword, index) => asString(keyword, where(`/ignoreKeywords/${index}`)));
  const regexKeywords = keywords.filter((keyword) => /[\\^$.*+?()[\]{}|]/.test(keyword));
  if (regexKeywords.length > 0) notes.push(`Lunaria reads ignore keywords as a regular expression; \`${regexKeywords.join("`, `")}\` ${regexKeywords.length === 1 ? "is" : "are"} matched as plain text here`);
  const property = tracking.localizableProperty ?? root.localizableProperty;
  const trackProperty = property === undefined ? undefined : asString(property, where("/localizableProperty"));

  const config: Config = {
    sourceDir: layout.sourceDir,
    sourceLocale: sourceLocale.tag ?? sourceLocale.lang,
    localePattern: layout.localePattern,
    locales: Object.fromEntries(localeList.map((locale) => [layout.folderOf(locale), locale.tag ?? locale.lang])),
    include: [layout.include],
    ...(exclude.length > 0 && { exclude }),
    history: { skipMarkers: keywords.filter((keyword) => keyword.trim() !== ""), ...(trackProperty !== undefined && trackProperty !== "" && { trackProperty }) },
  };
  const repository = repositoryOf(root.repository, where("/repository"));
  if (repository) config.repository = repository;
  return { file, config, notes };
}

interface Layout {
  sourceDir: string;
  localePattern: string;
  include: string;
  localeExcludes: string[];
  folderOf: (locale: LunariaLocale) => string;
}

function layoutOf(documents: LunariaFiles, sourceLocale: LunariaLocale, locales: readonly LunariaLocale[], where: string): Layout {
  const match = /^(.*?)@(lang|tag)\/@path$/.exec(documents.pattern);
  if (!match) {
    throw new DriftError("CONFIG_INVALID", `${where}/pattern: \`${documents.pattern}\` is not \`<folder>/@lang/@path\` (or \`@tag\`); write l10n-drift.config.json by hand (sourceDir, localePattern)`);
  }
  const parent = match[1]!.replace(/\/$/, "");
  const folderOf = (locale: LunariaLocale) => (match[2] === "tag" ? (locale.tag ?? locale.lang) : locale.lang);
  const include = documents.include[0]!;
  const base = staticBase(include);
  const sourceFolder = joinPath(parent, folderOf(sourceLocale));
  const inSourceFolder = base === sourceFolder || base.startsWith(`${sourceFolder}/`);
  if (!inSourceFolder && !isInside(base, parent)) {
    throw new DriftError("CONFIG_INVALID", `${where}: the source files \`${include}\` are neither in \`${sourceFolder}/\` nor in \`${parent || "."}/\``);
  }
  const atRoot = !inSourceFolder;
  const sourceDir = inSourceFolder ? sourceFolder : parent === "" ? "." : parent;
  const relativeInclude = relativeGlob(include, sourceDir) ?? "**/*.md";
  return {
    sourceDir,
    localePattern: joinPath(parent, "{locale}"),
    include: braces(relativeInclude),
    // The locale folders sit inside the source folder: they are translations, never sources.
    localeExcludes: atRoot ? locales.map((locale) => `${folderOf(locale)}/**`) : [],
    folderOf,
  };
}

/** `a/b/**\/*.md` → `a/b`: the folder before the first glob character. */
function staticBase(glob: string): string {
  const parts = glob.split("/");
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (/[*?[\]{}()!]/.test(part)) break;
    fixed.push(part);
  }
  return fixed.join("/");
}

/** A root-relative glob made relative to a folder; undefined when it is outside the folder. */
function relativeGlob(glob: string, folder: string): string | undefined {
  if (folder === "." || folder === "") return glob;
  if (glob.startsWith(`${folder}/`)) return glob.slice(folder.length + 1);
  if (glob.startsWith("**/")) return glob;
  return undefined;
}

/** Lunaria's globs take `(md|mdx)` (micromatch); the same as `{md,mdx}`, which every glob library reads. */
function braces(glob: string): string {
  return glob.replace(/(^|[^@!?*+])\(([^()]*\|[^()]*)\)/g, (_, before: string, inner: string) => `${before}{${inner.split("|").join(",")}}`);
}

function isInside(child: string, parent: string): boolean {
  return parent === "" || child === parent || child.startsWith(`${parent}/`);
}

function joinPath(parent: string, child: string): string {
  return parent === "" ? child : `${parent}/${child}`;
}

function readLocale(value: unknown, where: string): LunariaLocale {
  const locale = asObject(value, where);
  const lang = asString(locale.lang, `${where}/lang`);
  const parameters = locale.parameters === undefined ? {} : asObject(locale.parameters, `${where}/parameters`);
  return { lang, ...(parameters.tag !== undefined && { tag: asString(parameters.tag, `${where}/parameters/tag`) }) };
}

function readFiles(value: unknown, where: string): LunariaFiles {
  const entry = asObject(value, where);
  const includeValue = entry.include ?? entry.location;
  const include = Array.isArray(includeValue) ? includeValue.map((glob, index) => asString(glob, `${where}/include/${index}`)) : [asString(includeValue, `${where}/location`)];
  if (include.length === 0) throw new DriftError("CONFIG_INVALID", `${where}/include: lists no glob`);
  const excludeValue = entry.exclude ?? entry.ignore ?? [];
  const exclude = asArray(excludeValue, `${where}/exclude`).map((glob, index) => asString(glob, `${where}/exclude/${index}`));
  return { include, exclude, pattern: asString(entry.pattern, `${where}/pattern`), type: entry.type === undefined ? "universal" : asString(entry.type, `${where}/type`) };
}

function repositoryOf(value: unknown, where: string): Config["repository"] | undefined {
  if (value === undefined) return undefined;
  const repository = asObject(value, where);
  if (typeof repository.name !== "string" || !/^[\w.-]+(\/[\w.-]+)+$/.test(repository.name)) return undefined;
  const host = repository.hosting === "gitlab" ? "https://gitlab.com" : "https://github.com";
  const rootDir = typeof repository.rootDir === "string" && repository.rootDir !== "." ? repository.rootDir.replace(/\/$/, "") : undefined;
  return {
    url: `${host}/${repository.name.replace(/\/$/, "")}`,
    ...(typeof repository.branch === "string" && repository.branch !== "" && { branch: repository.branch }),
    ...(rootDir !== undefined && rootDir !== "" && { rootDir }),
  };
}

function asObject(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new DriftError("CONFIG_INVALID", `${where}: must be an object`);
  return value as Record<string, unknown>;
}

function asArray(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) throw new DriftError("CONFIG_INVALID", `${where}: must be an array`);
  return value;
}

function asString(value: unknown, where: string): string {
  if (typeof value !== "string" || value === "") throw new DriftError("CONFIG_INVALID", `${where}: must be a non-empty string`);
  return value;
}

/**
 * The tree's Lunaria configuration, read as data: `lunaria.config.json` parsed as JSON, or the
 * object literal a `lunaria.config.ts` exports (`export default defineConfig({ ... })`), read from
 * its syntax tree. The file is never run: a value that is not a literal (a variable, a call, a
 * template with `${}`) is an error naming its line and column. Undefined when there is none.
 */
export async function readLunariaConfig(root: string): Promise<{ file: string; value: unknown } | undefined> {
  for (const file of LUNARIA_CONFIG_FILES) {
    const text = await readConfigText(root, file, false);
    if (text === undefined) continue;
    return { file, value: file.endsWith(".json") ? parseJsonConfig(text, file) : literalExport(text, file) };
  }
  return undefined;
}

/** The Lunaria configuration of a tree as ours, with notes; undefined when the tree has none. */
export async function importLunaria(root: string): Promise<LunariaImport | undefined> {
  const found = await readLunariaConfig(root);
  return found && configFromLunaria(found.value, found.file);
}

function parseJsonConfig(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // Node's message has the place in some versions only, and may quote the text, newlines and all.
    const message = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.replace(/ in JSON at position \d+.*$/, "").replace(/, \.\.\.".*$|, ".*$/, "");
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : "");
    let at = "";
    if (position) {
      const lines = text.slice(0, Number(position[1])).split("\n");
      at = `:${lines.length}:${(lines.at(-1)?.length ?? 0) + 1}`;
    } else {
      try {
        parseExpressionAt(text, 0, { ecmaVersion: "latest", locations: true });
      } catch (syntax) {
        const loc = (syntax as { loc?: { line: number; column: number } }).loc;
        if (loc) at = `:${loc.line}:${loc.column + 1}`;
      }
    }
    throw new DriftError("CONFIG_INVALID", `${file}${at}: not valid JSON (${message})`);
  }
}

type Located = Node & { loc?: { start: { line: number; column: number } } };

/**
 * acorn reads the file as an ECMAScript module; TypeScript-only syntax (a type annotation,
 * `satisfies`) is reported with its place, as is anything but a literal in the exported value.
 */
function literalExport(text: string, file: string): unknown {
  let program: Node & { body: Located[] };
  try {
    program = parseJavaScript(text, { ecmaVersion: "latest", sourceType: "module", locations: true }) as unknown as Node & { body: Located[] };
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const reason = error instanceof Error ? error.message.replace(/\s*\(\d+:\d+\)$/, "") : String(error);
    throw new DriftError("CONFIG_INVALID", `${file}${loc ? `:${loc.line}:${loc.column + 1}` : ""}: cannot be read without running it (${reason}); write lunaria.config.json or l10n-drift.config.json`);
  }
  const declarations = new Map<string, Located>();
  let exported: Located | undefined;
  for (const statement of program.body as Array<Located & Record<string, unknown>>) {
    if (statement.type === "VariableDeclaration") {
      for (const declarator of statement.declarations as Array<{ id: { type: string; name?: string }; init?: Located }>) {
        if (declarator.id.type === "Identifier" && declarator.init) declarations.set(declarator.id.name!, declarator.init);
      }
    }
    if (statement.type === "ExportDefaultDeclaration") exported = statement.declaration as Located;
  }
  if (!exported) throw new DriftError("CONFIG_INVALID", `${file}: has no \`export default\``);
  let node = exported as Located & Record<string, unknown>;
  // `defineConfig({ ... })` only types its argument; a top-level `const config = { ... }` is followed once.
  if (node.type === "CallExpression" && (node.arguments as Located[]).length === 1) node = (node.arguments as Array<Located & Record<string, unknown>>)[0]!;
  if (node.type === "Identifier" && declarations.has(node.name as string)) node = declarations.get(node.name as string)! as Located & Record<string, unknown>;
  return literalValue(node, file);
}

function literalValue(node: Located & Record<string, unknown>, file: string): unknown {
  const fail = (what: string): never => {
    const start = node.loc?.start;
    throw new DriftError("CONFIG_INVALID", `${file}${start ? `:${start.line}:${start.column + 1}` : ""}: ${what} is not a literal, and the file is never run; write lunaria.config.json or l10n-drift.config.json`);
  };
  switch (node.type) {
    case "Literal": {
      const value = node.value;
      if (value !== null && typeof value === "object") return fail("a regular expression");
      return value;
    }
    case "TemplateLiteral": {
      const quasis = node.quasis as Array<{ value: { cooked: string | null } }>;
      if ((node.expressions as unknown[]).length > 0) return fail("a template with `${}`");
      return quasis[0]?.value.cooked ?? "";
    }
    case "ArrayExpression":
      return (node.elements as Array<(Located & Record<string, unknown>) | null>).map((element) => (element === null ? fail("an empty array slot") : literalValue(element, file)));
    case "ObjectExpression": {
      const object: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const property of node.properties as Array<Located & Record<string, unknown>>) {
        if (property.type !== "Property" || property.computed === true || property.kind !== "init" || property.method === true) return literalValue({ ...property, type: "a spread, method or computed key" }, file);
        const key = property.key as Located & Record<string, unknown>;
        const name = key.type === "Identifier" ? (key.name as string) : key.type === "Literal" ? String(key.value) : undefined;
        if (name === undefined) return literalValue(key, file);
        object[name] = literalValue(property.value as Located & Record<string, unknown>, file);
      }
      return object;
    }
    case "UnaryExpression":
      if (node.operator === "-" && (node.argument as Record<string, unknown>).type === "Literal" && typeof (node.argument as Record<string, unknown>).value === "number") return -((node.argument as Record<string, unknown>).value as number);
      return fail("an expression");
    default:
      return fail(node.type === "Identifier" ? `\`${String(node.name)}\`` : /^[A-Z]/.test(String(node.type)) ? `a ${String(node.type)}` : String(node.type));
  }
}

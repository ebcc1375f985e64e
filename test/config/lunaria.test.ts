import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { configFromLunaria, readLunariaConfig } from "../../src/config/lunaria.js";
import { check } from "../../src/index.js";
import { makeTree } from "../support/fixtures.js";
import { makeRepo } from "../support/git.js";

/** Lunaria 0.1's shape, as Starlight's docs/lunaria.config.json writes it (two of its locales). */
const STARLIGHT = {
  $schema: "./node_modules/@lunariajs/core/config.schema.json",
  repository: { name: "withastro/starlight", rootDir: "docs" },
  defaultLocale: { label: "English", lang: "en" },
  locales: [
    { label: "Deutsch", lang: "de" },
    { label: "Português do Brasil", lang: "pt-br" },
  ],
  files: [{ location: "src/content/docs/**/*.{md,mdx}", pattern: "src/content/docs/@lang/@path", type: "universal", ignore: ["src/content/docs/drafts/**"] }],
  ignoreKeywords: ["lunaria-ignore", "typo", "i18nIgnore"],
};

/** Lunaria 1's shape, as Astro docs' lunaria.config.ts writes it. */
const ASTRO_DOCS_TS = `import { defineConfig } from '@lunariajs/core/config';

export default defineConfig({
	repository: {
		name: 'withastro/docs',
	},
	sourceLocale: { label: 'English', lang: 'en', parameters: { tag: 'en' } },
	locales: [
		{ label: 'Deutsch', lang: 'de', parameters: { tag: 'de' } },
		{ label: 'Português do Brasil', lang: 'pt-br', parameters: { tag: \`pt-BR\` } },
	],
	files: [
		{ include: ['src/content/i18n/en.yml'], pattern: 'src/content/i18n/@tag.yml', type: 'dictionary' },
		{ include: ['src/content/docs/en/**/*.(md|mdx)'], pattern: 'src/content/docs/@lang/@path', type: 'universal' },
	],
	tracking: {
		localizableProperty: 'i18nReady',
		ignoredKeywords: ['lunaria-ignore', 'typo'], // trailing comma, comments
	},
});
`;

describe("configFromLunaria", () => {
  it("imports Lunaria 0.1 (Starlight): root locale with locale folders inside, ignore globs, keywords, repository", () => {
    expect(configFromLunaria(STARLIGHT, "lunaria.config.json")).toEqual({
      file: "lunaria.config.json",
      notes: [],
      config: {
        sourceDir: "src/content/docs",
        sourceLocale: "en",
        localePattern: "src/content/docs/{locale}",
        locales: { de: "de", "pt-br": "pt-br" },
        include: ["**/*.{md,mdx}"],
        exclude: ["de/**", "pt-br/**", "drafts/**"],
        history: { skipMarkers: ["lunaria-ignore", "typo", "i18nIgnore"] },
        repository: { url: "https://github.com/withastro/starlight", rootDir: "docs" },
      },
    });
  });

  it("uses Lunaria's default keywords when none are listed, and says what it cannot import", () => {
    const { ignoreKeywords: _, ...rest } = STARLIGHT;
    const imported = configFromLunaria({ ...rest, files: [{ ...STARLIGHT.files[0], ignore: ["other/**"] }] }, "lunaria.config.json");
    expect(imported.config.history).toEqual({ skipMarkers: ["lunaria-ignore", "fix typo"] });
    expect(imported.config.exclude).toEqual(["de/**", "pt-br/**"]);
    expect(imported.notes).toEqual(["the ignore glob `other/**` is outside `src/content/docs/`: not imported"]);
  });

  it("refuses a pattern it has no layout for, naming the path", () => {
    const config = { ...STARLIGHT, files: [{ location: "docs/**/*.md", pattern: "docs/@path.@lang.md", type: "universal" }] };
    expect(() => configFromLunaria(config, "lunaria.config.json")).toThrow(
      "lunaria.config.json: /files/0/pattern: `docs/@path.@lang.md` is not `<folder>/@lang/@path` (or `@tag`); write l10n-drift.config.json by hand (sourceDir, localePattern)",
    );
    expect(() => configFromLunaria({ ...STARLIGHT, locales: "de" }, "lunaria.config.json")).toThrow("lunaria.config.json: /locales: must be an array");
  });
});

describe("readLunariaConfig", () => {
  it("reads the literal a lunaria.config.ts exports, without running it (Astro docs: English in en/, tags, localizableProperty)", async () => {
    const root = await makeTree({ "lunaria.config.ts": ASTRO_DOCS_TS });
    const found = await readLunariaConfig(root);
    expect(found?.file).toBe("lunaria.config.ts");
    expect(configFromLunaria(found!.value, found!.file)).toEqual({
      file: "lunaria.config.ts",
      notes: ["`dictionary` files (`src/content/i18n/en.yml`) are not documents: not checked"],
      config: {
        sourceDir: "src/content/docs/en",
        sourceLocale: "en",
        localePattern: "src/content/docs/{locale}",
        locales: { de: "de", "pt-br": "pt-BR" },
        include: ["**/*.{md,mdx}"],
        history: { skipMarkers: ["lunaria-ignore", "typo"], trackProperty: "i18nReady" },
        repository: { url: "https://github.com/withastro/docs" },
      },
    });
  });

  it("follows `export default config` to a top-level const", async () => {
    const root = await makeTree({ "lunaria.config.mjs": "const config = { a: [1, -2, 'x', true, null] };\nexport default config;\n" });
    expect((await readLunariaConfig(root))?.value).toEqual({ a: [1, -2, "x", true, null] });
  });

  it("refuses what is not a literal, with its line and column, and TypeScript-only syntax", async () => {
    const variable = await makeTree({ "lunaria.config.ts": "const locales = [];\nexport default defineConfig({\n  locales: locales,\n});\n" });
    await expect(readLunariaConfig(variable)).rejects.toThrow("lunaria.config.ts:3:12: `locales` is not a literal, and the file is never run; write lunaria.config.json or l10n-drift.config.json");
    const call = await makeTree({ "lunaria.config.ts": "export default defineConfig({ files: glob('x') });\n" });
    await expect(readLunariaConfig(call)).rejects.toThrow("lunaria.config.ts:1:38: a CallExpression is not a literal");
    const typed = await makeTree({ "lunaria.config.ts": "const x: string = 'a';\nexport default {};\n" });
    await expect(readLunariaConfig(typed)).rejects.toThrow("lunaria.config.ts:1:8: cannot be read without running it (Unexpected token); write lunaria.config.json or l10n-drift.config.json");
    const json = await makeTree({ "lunaria.config.json": '{\n  "locales": [}\n' });
    await expect(readLunariaConfig(json)).rejects.toThrow("lunaria.config.json:2:15: not valid JSON (Unexpected token '}')");
  });

  it("is undefined without a Lunaria configuration", async () => {
    expect(await readLunariaConfig(await makeTree({ "a.md": "# A\n" }))).toBeUndefined();
  });
});

describe("init with a Lunaria configuration", () => {
  it("writes the equivalent configuration, and the check honours the team's keywords", async () => {
    const repo = await makeRepo();
    const source = "---\ntitle: Using components\n---\n\n# Using components\n\nText.\n";
    await repo.commit("Add", { "lunaria.config.json": JSON.stringify(STARLIGHT), "src/content/docs/guide.mdx": source });
    const translation = "---\ntitle: Komponenten\n---\n\n# Komponenten\n\nText.\n";
    await repo.commit("Translate", { "src/content/docs/de/guide.mdx": translation, "src/content/docs/pt-br/guide.mdx": translation });
    await repo.commit("[i18nIgnore] Match title case convention", { "src/content/docs/guide.mdx": source.replace("Using components\n---", "Using Components\n---") });
    const io = { out: "", err: "" };
    const cli = { stdout: (text: string) => void (io.out += text), stderr: (text: string) => void (io.err += text), env: {}, stdoutIsTty: false, cwd: repo.root };
    expect(await main(["init"], cli)).toBe(0);
    expect(io.out.split("\n").slice(0, 5)).toEqual([
      "Layout: starlight (`lunaria.config.json` and `src/content/docs/`)",
      "Sources: src/content/docs/ (en), 1 page",
      "Locales: 2 (configured), pages each: de 1, pt-br 1",
      "Note: imported from `lunaria.config.json`: 2 locales, 3 skip markers",
      "Wrote l10n-drift.config.json",
    ]);
    const written = JSON.parse(await readFile(path.join(repo.root, "l10n-drift.config.json"), "utf8"));
    expect(written.history).toEqual({ skipMarkers: ["lunaria-ignore", "typo", "i18nIgnore"] });
    const report = await check({ root: repo.root, locales: ["de"] });
    expect(report.articles.map((outline) => [outline.article, outline.translations[0]!.state])).toEqual([["guide.mdx", "current"]]);
    expect(report.findings.filter((finding) => finding.locale === "de")).toEqual([]);
  });
});

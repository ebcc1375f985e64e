import { describe, expect, it } from "vitest";
import { literalLocaleKeys } from "../../src/tree/site-locales.js";
import { isLanguageFolder } from "../../src/tree/language-tag.js";

describe("literalLocaleKeys: a site configuration's locales, read without running it", () => {
  it("reads VitePress's `locales: { ... }` inside defineConfig, quoted keys and nested values included", () => {
    const text = [
      "import { defineConfig } from 'vitepress'",
      "export default defineConfig({",
      "  title: 'Docs { not an object }',",
      "  locales: {",
      "    root: { label: 'English', lang: 'en' },",
      "    'zh-CN': { label: '简体中文', themeConfig: { nav: [{ text: '指南}', link: `/zh/${x}` }] } },",
      '    "pt-BR": { label: "Português" }, // a comment with locales: { nope: 1 }',
      "    fr: { label: 'Français', head: [['meta', { name: 'x' }]] }",
      "  },",
      "})",
    ].join("\n");
    expect(literalLocaleKeys(text)).toEqual(["root", "zh-CN", "pt-BR", "fr"]);
  });

  it("reads Starlight's `export const locales = { ... }`, skipping the name in a comment and a shorthand use", () => {
    const text = [
      "/** @satisfies {import('@astrojs/starlight/types').StarlightUserConfig['locales']} */",
      "export const locales = {",
      "\troot: { label: 'English', lang: 'en' },",
      "\tde: { label: 'Deutsch', lang: 'de' },",
      "\t'zh-cn': { label: '简体中文', lang: 'zh-CN' },",
      "};",
      "export default defineConfig({ integrations: [starlight({ locales })] });",
    ].join("\n");
    expect(literalLocaleKeys(text)).toEqual(["root", "de", "zh-cn"]);
  });

  it("is not readable where the locales are not a literal: a variable, a spread, a computed key", () => {
    expect(literalLocaleKeys("starlight({ defaultLocale: 'en', locales: localesConfig })")).toBeUndefined();
    expect(literalLocaleKeys("defineConfig({ locales: { ...shared, de: {} } })")).toBeUndefined();
    expect(literalLocaleKeys("defineConfig({ locales: { [name]: {} } })")).toBeUndefined();
    expect(literalLocaleKeys("defineConfig({ title: 'x' })")).toBeUndefined();
    // Unterminated: never a partial list.
    expect(literalLocaleKeys("defineConfig({ locales: { de: { label: 'Deutsch' }")).toBeUndefined();
  });

  it("takes the first literal after a TypeScript annotation or an identifier value", () => {
    expect(literalLocaleKeys("const x: Config = { locales: locales2 };\nconst locales = { ja: {}, ko: {} } satisfies L;")).toEqual(["ja", "ko"]);
    expect(literalLocaleKeys("if (locales == {}) {}")).toBeUndefined();
  });
});

describe("isLanguageFolder", () => {
  it("takes ISO 639-1 languages with script and region subtags, not a docs tree's own folder names", () => {
    const names = ["de", "ja", "pt-br", "zh-cn", "zh-Hans", "es-419", "pt_BR", "guides", "reference", "api", "components", "resources", "js", "en-", "dee", "fil"];
    expect(names.filter(isLanguageFolder)).toEqual(["de", "ja", "pt-br", "zh-cn", "zh-Hans", "es-419", "pt_BR"]);
  });
});

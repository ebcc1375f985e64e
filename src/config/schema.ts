import { PRESET_NAMES } from "./presets/index.js";

const LEVEL = { enum: ["off", "info", "warning", "error"] };

/**
 * The configuration's JSON Schema, built from the rule registry so that editors complete rule
 * ids. The validator compiles this object; `schema/config.schema.json` is this object written out
 * (`npm run schema`), and a test keeps the two equal.
 */
export function configSchema(ruleIds: readonly string[]): Record<string, unknown> {
  const ruleSetting = {
    oneOf: [
      LEVEL,
      { type: "array", prefixItems: [LEVEL, { type: "object" }], minItems: 1, maxItems: 2, items: false },
    ],
  };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://l10n-drift.dev/schema/config.schema.json",
    title: "l10n-drift configuration",
    type: "object",
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      preset: { enum: [...PRESET_NAMES], description: "Layout of the tree: where sources and translations live." },
      sourceDir: { type: "string", minLength: 1, description: "Directory of the source articles, relative to the root." },
      sourceLocale: { type: "string", minLength: 1, description: "BCP 47 code of the sources." },
      localePattern: { type: "string", pattern: "\\{locale\\}", description: "Where locale trees are found; {locale} is the folder name." },
      locales: {
        type: "object",
        description: "Locales by name: a BCP 47 code, or where the locale's tree lives (which may be outside the root).",
        additionalProperties: {
          oneOf: [
            { type: "string", minLength: 1 },
            {
              type: "object",
              additionalProperties: false,
              properties: { code: { type: "string", minLength: 1 }, dir: { type: "string", minLength: 1 } },
            },
          ],
        },
      },
      include: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1, description: "Globs of documents, relative to each tree." },
      exclude: { type: "array", items: { type: "string", minLength: 1 } },
      rules: {
        type: "object",
        description: "Per-rule level, or [level, options].",
        propertyNames: { enum: [...ruleIds] },
        additionalProperties: ruleSetting,
      },
      keys: {
        type: "object",
        additionalProperties: false,
        properties: {
          date: { type: "string", minLength: 1 },
          locale: { type: "string", minLength: 1 },
          sourceCommit: { type: "array", items: { type: "string", minLength: 1 } },
          sourceHash: { type: "array", items: { type: "string", minLength: 1 } },
        },
      },
      maxFileBytes: { type: "integer", minimum: 1, description: "Larger files are reported and skipped." },
    },
  };
}

import type { AnyRule } from "../model/rule.js";
import { PRESET_NAMES } from "./presets/index.js";

const LEVEL = { enum: ["off", "info", "warning", "error"] };

/** What the schema needs of a rule: its id, messages and options. */
export type RuleSchemaSource = Pick<AnyRule, "id" | "description" | "messages" | "options" | "optionsSchema">;

/**
 * One rule's setting: a level, or `[level, options]` whose options are exactly the rule's (each
 * with its default) plus `severity`, a level per messageId. `if`/`then`/`else` rather than
 * `oneOf`, so a wrong option is reported at its own path and not as "must be a string".
 */
export function ruleSettingSchema(rule: RuleSchemaSource): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(rule.optionsSchema)) {
    properties[name] = rule.options[name] === undefined ? schema : { ...schema, default: rule.options[name] };
  }
  properties.severity = {
    type: "object",
    description: "A level per messageId, for messages whose default is not the rule's main severity.",
    additionalProperties: false,
    properties: Object.fromEntries(Object.keys(rule.messages).map((messageId) => [messageId, LEVEL])),
  };
  return {
    description: rule.description,
    if: { type: "array" },
    then: { type: "array", prefixItems: [LEVEL, { type: "object", additionalProperties: false, properties }], minItems: 1, maxItems: 2, items: false },
    else: LEVEL,
  };
}

/**
 * The configuration's JSON Schema, built from the rule registry so that editors complete rule
 * ids and their options. The validator compiles this object; `schema/config.schema.json` is this object written out
 * (`npm run schema`), and a test keeps the two equal.
 */
export function configSchema(rules: readonly RuleSchemaSource[]): Record<string, unknown> {
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://l10n-drift.dev/schema/config.schema.json",
    title: "l10n-drift configuration",
    type: "object",
    additionalProperties: false,
    properties: {
      $schema: { type: "string" },
      preset: { enum: [...PRESET_NAMES], description: "Layout of the tree: where sources and translations live." },
      sourceDir: { type: "string", minLength: 1, description: "Directory of the source articles, relative to the root; with the starlight preset, the content folder (the sources are in its `en/` folder where there is one)." },
      sourceLocale: { type: "string", minLength: 1, description: "BCP 47 code of the sources." },
      localePattern: { type: "string", pattern: "\\{locale\\}", description: "Where locale trees are found; {locale} is the folder name, {sourceDir} the source directory." },
      locales: {
        description:
          "The locales to check: folder names (`[\"de\", \"ja\"]`, each found by the preset's locale pattern), or by name a BCP 47 code or where the locale's tree lives (which may be outside the root). Absent: every locale folder the preset finds. A listed locale without a folder is a warning.",
        oneOf: [
          { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true },
          {
            type: "object",
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
        ],
      },
      include: { type: "array", items: { type: "string", minLength: 1 }, minItems: 1, description: "Globs of documents, relative to each tree." },
      exclude: { type: "array", items: { type: "string", minLength: 1 } },
      rules: {
        type: "object",
        description: "Per-rule level, or [level, options].",
        propertyNames: { enum: rules.map((rule) => rule.id) },
        properties: Object.fromEntries(rules.map((rule) => [rule.id, ruleSettingSchema(rule)])),
      },
      keys: {
        type: "object",
        additionalProperties: false,
        properties: {
          date: { type: "string", minLength: 1 },
          locale: { type: "string", minLength: 1 },
          sourceCommit: { type: "array", items: { type: "string", minLength: 1 } },
          sourceHash: { type: "array", items: { type: "string", minLength: 1 } },
          translated: { type: "array", items: { type: "string", minLength: 1 }, description: "Translated front matter keys: a source change to one needs the translator." },
          equal: { type: "array", items: { type: "string", minLength: 1 }, description: "Front matter keys whose values render into the page and must equal the source's (dots for nesting, such as Hugo's `cascade.vers`); checked with `metadata-drift`'s `equalKeys`." },
          drifted: { type: "string", minLength: 1, description: "Front matter key `status --write-key` writes: `true` on an outdated translation, removed from a current one (OpenTelemetry's `drifted_from_default`, which its outdated banner reads)." },
        },
      },
      maxFileBytes: { type: "integer", minimum: 1, description: "Larger files are reported and skipped." },
      history: {
        type: "object",
        additionalProperties: false,
        properties: {
          skipMarkers: {
            type: "array",
            items: { type: "string", minLength: 1 },
            description: "Commit message markers (case-insensitive) of source changes that need no translation, such as `[i18nIgnore]`; default `L10n-Skip: true` and `[l10n skip]`. Listing them replaces the defaults.",
          },
          trackProperty: {
            type: "string",
            minLength: 1,
            description: "Front matter key that marks a source page as meant for translation, such as Astro docs' `i18nReady`: translations of a page that does not set it to `true` are `untracked`. Default: every page is tracked.",
          },
        },
      },
      repository: {
        type: "object",
        additionalProperties: false,
        required: ["url"],
        description: "The repository's web address, for the reports' links to files, history and compare views; default: the git remote `origin`, when it is a web address.",
        properties: {
          url: { type: "string", pattern: "^https://", description: "Such as https://github.com/withastro/starlight." },
          branch: { type: "string", minLength: 1, description: "Branch to link files at; default HEAD." },
          rootDir: { type: "string", description: "The checked tree's folder inside the repository, such as docs." },
        },
      },
      failOn: {
        type: "object",
        additionalProperties: false,
        description: "When `check` fails besides broken translations: translation states that fail it too, in which locales.",
        properties: {
          states: { type: "array", items: { enum: ["outdated", "missing", "unreadable", "broken"] }, uniqueItems: true, description: "States that fail the check, such as `outdated`; `broken` always does." },
          locales: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true, description: "Locale folders `states` applies to; all when absent." },
        },
      },
    },
  };
}

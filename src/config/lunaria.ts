import type { Config } from "./load.js";

/** The names Lunaria's configuration goes by, in the order Lunaria looks for them. */
export const LUNARIA_CONFIGS = ["lunaria.config.json", "lunaria.config.ts", "lunaria.config.mts", "lunaria.config.js", "lunaria.config.mjs"];

/** What `init` takes over from a Lunaria configuration: settings for the starter, and lines to tell the user. */
export interface LunariaImport {
  config: Partial<Config>;
  notes: string[];
}

/**
 * The configuration equivalent to a site's Lunaria configuration (`file`, root-relative), for
 * `init` to write beside the detected preset. Nothing is taken over yet: the preset's layout
 * already finds Lunaria's locales, and the rest of the mapping is its own piece of work.
 */
export async function importLunaria(_root: string, file: string): Promise<LunariaImport> {
  return { config: {}, notes: [`found \`${file}\`; its settings are not imported`] };
}

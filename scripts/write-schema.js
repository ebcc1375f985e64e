// Writes what is generated from the rules' metadata (`npm run docs`, also `npm run schema`):
// schema/config.schema.json, docs/rules/<id>.md and the README's rule table. A test fails when
// any of them is stale.
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { configSchema } from "../dist/config/schema.js";
import { ruleDocPage, withRuleTable } from "../dist/rules/docs.js";
import { RULES } from "../dist/rules/index.js";

const at = (relative) => new URL(`../${relative}`, import.meta.url);
await writeFile(at("schema/config.schema.json"), `${JSON.stringify(configSchema(RULES), null, 2)}\n`);
await mkdir(at("docs/rules"), { recursive: true });
const pages = new Set(RULES.map((rule) => `${rule.id}.md`));
for (const name of await readdir(at("docs/rules"))) if (!pages.has(name)) await rm(at(`docs/rules/${name}`));
for (const rule of RULES) await writeFile(at(`docs/rules/${rule.id}.md`), ruleDocPage(rule));
await writeFile(at("README.md"), withRuleTable(await readFile(at("README.md"), "utf8"), RULES));
console.log(`Wrote schema/config.schema.json, docs/rules/ (${RULES.length} pages) and the README rule table`);

// Writes schema/config.schema.json from the validator's schema (built from the rule registry).
import { writeFile } from "node:fs/promises";
import { configSchema } from "../dist/config/schema.js";
import { RULES } from "../dist/rules/index.js";

const target = new URL("../schema/config.schema.json", import.meta.url);
await writeFile(target, `${JSON.stringify(configSchema(RULES.map((rule) => rule.id)), null, 2)}\n`);
console.log("Wrote schema/config.schema.json");

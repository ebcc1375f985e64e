import { createHash } from "node:crypto";

/** How the configuration schema is compiled, at build time and at run time alike. */
export const CONFIG_VALIDATOR_OPTIONS = { allErrors: true, strict: true, strictTuples: false } as const;

/** Names a schema by its content, so a validator compiled from another schema is never used. */
export function schemaKey(schema: object): string {
  return createHash("sha256").update(JSON.stringify(schema)).digest("hex");
}

import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("untranslated", async () => {
  await describeRuleCases("untranslated");
});

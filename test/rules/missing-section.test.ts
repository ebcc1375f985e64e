import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("missing-section", async () => {
  await describeRuleCases("missing-section");
});

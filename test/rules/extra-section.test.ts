import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("extra-section", async () => {
  await describeRuleCases("extra-section");
});

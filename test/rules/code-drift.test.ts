import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("code-drift", async () => {
  await describeRuleCases("code-drift");
});

import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("structure-drift", async () => {
  await describeRuleCases("structure-drift");
});

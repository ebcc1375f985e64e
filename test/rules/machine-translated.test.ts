import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("machine-translated", async () => {
  await describeRuleCases("machine-translated");
});

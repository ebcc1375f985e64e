import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("duplicate-anchor", async () => {
  await describeRuleCases("duplicate-anchor");
});

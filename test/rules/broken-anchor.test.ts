import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("broken-anchor", async () => {
  await describeRuleCases("broken-anchor");
});

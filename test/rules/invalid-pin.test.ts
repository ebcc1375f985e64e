import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("invalid-pin", async () => {
  await describeRuleCases("invalid-pin");
});

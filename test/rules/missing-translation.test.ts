import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("missing-translation", async () => {
  await describeRuleCases("missing-translation");
});

import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("orphan-translation", async () => {
  await describeRuleCases("orphan-translation");
});

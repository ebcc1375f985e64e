import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("heading-level", async () => {
  await describeRuleCases("heading-level");
});

import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("link-drift", async () => {
  await describeRuleCases("link-drift");
});

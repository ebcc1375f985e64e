import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("metadata-drift", async () => {
  await describeRuleCases("metadata-drift");
});

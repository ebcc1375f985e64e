import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("section-order", async () => {
  await describeRuleCases("section-order");
});

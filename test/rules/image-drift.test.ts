import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("image-drift", async () => {
  await describeRuleCases("image-drift");
});

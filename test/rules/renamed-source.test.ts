import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("renamed-source", async () => {
  await describeRuleCases("renamed-source");
});

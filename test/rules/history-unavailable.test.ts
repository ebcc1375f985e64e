import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("history-unavailable", async () => {
  await describeRuleCases("history-unavailable");
});

import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("stale-source", async () => {
  await describeRuleCases("stale-source");
});

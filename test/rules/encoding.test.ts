import { describe } from "vitest";
import { describeRuleCases } from "../support/rule-cases.js";

describe("encoding", async () => {
  await describeRuleCases("encoding");
});

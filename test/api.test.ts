import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";

describe("the public API", () => {
  it("exports exactly these values", () => {
    expect(Object.keys(api).sort()).toEqual(["DriftError", "RULES", "alignSections", "check", "parseDocument", "workLists"]);
  });
});

import { describe, expect, it } from "vitest";
import { check } from "../../src/index.js";
import { formatStatus, type StatusFile } from "../../src/reporters/status.js";
import { REPO_ROOT } from "../support/fixtures.js";

describe("status.json", () => {
  it("says per page and locale whether the translation is current, and since when it is not", async () => {
    const status = JSON.parse(formatStatus(await check({ root: REPO_ROOT }))) as StatusFile;
    expect(status.pages).toHaveLength(1);
    expect(status.pages[0]?.translations).toEqual({
      de: { file: "locales/de/expressroute/expressroute-connectivity-models.md", state: "outdated", outdatedSince: "2020-10-07", reasons: ["link-drift", "missing-section", "stale-date"] },
      nl: { file: "locales/nl/expressroute/expressroute-connectivity-models.md", state: "outdated", outdatedSince: "2020-10-07", reasons: ["link-drift", "metadata-drift", "missing-section", "stale-date"] },
      sv: { file: "locales/sv/expressroute/expressroute-connectivity-models.md", state: "outdated", outdatedSince: "2020-10-07", reasons: ["link-drift", "metadata-drift", "missing-section", "stale-date"] },
      zh: { file: "locales/zh/expressroute/expressroute-connectivity-models.md", state: "outdated", outdatedSince: null, reasons: ["link-drift"] },
    });
  });
});

import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryAddress, webAddress } from "../../src/git/remote.js";

describe("webAddress", () => {
  it("reads the remote forms forges use as an https address, and nothing else", () => {
    expect(webAddress("https://github.com/withastro/starlight.git")).toBe("https://github.com/withastro/starlight");
    expect(webAddress("https://github.com/withastro/starlight")).toBe("https://github.com/withastro/starlight");
    expect(webAddress("git@github.com:open-telemetry/opentelemetry.io.git")).toBe("https://github.com/open-telemetry/opentelemetry.io");
    expect(webAddress("ssh://git@gitlab.example.org/docs/site.git")).toBe("https://gitlab.example.org/docs/site");
    expect(webAddress("https://token:secret@github.com/a/b.git")).toBeUndefined();
    expect(webAddress("https://user@github.com/a/b.git")).toBeUndefined();
    expect(webAddress("http://github.com/a/b")).toBeUndefined();
    expect(webAddress("file:///srv/git/docs.git")).toBeUndefined();
    expect(webAddress("/srv/git/docs")).toBeUndefined();
    expect(webAddress("../docs")).toBeUndefined();
    expect(webAddress("https://github.com/a/b?x=1")).toBeUndefined();
    expect(webAddress("javascript:alert(1)")).toBeUndefined();
  });
});

describe("repositoryAddress", () => {
  it("takes origin's address and the tree's folder inside the repository", async () => {
    const repo = await mkdtemp(path.join(tmpdir(), "l10n-drift-remote-"));
    execFileSync("git", ["init", "-q", repo]);
    execFileSync("git", ["-C", repo, "remote", "add", "origin", "git@github.com:example/docs.git"]);
    await mkdir(path.join(repo, "site", "docs"), { recursive: true });
    expect(await repositoryAddress(path.join(repo, "site", "docs"))).toEqual({ url: "https://github.com/example/docs", rootDir: "site/docs" });
    expect(await repositoryAddress(repo)).toEqual({ url: "https://github.com/example/docs" });
  });

  it("gives nothing outside a repository or for a local remote", async () => {
    const plain = await mkdtemp(path.join(tmpdir(), "l10n-drift-remote-"));
    expect(await repositoryAddress(plain)).toBeUndefined();
    execFileSync("git", ["init", "-q", plain]);
    execFileSync("git", ["-C", plain, "remote", "add", "origin", "/srv/git/docs"]);
    expect(await repositoryAddress(plain)).toBeUndefined();
  });
});

import { execFileSync } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { makeTree, writeTree } from "./fixtures.js";

/** Runs git in a test repository with a fixed identity and dates, so history is reproducible. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", "-c", "init.defaultBranch=main", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, GIT_AUTHOR_DATE: "2024-01-01T00:00:00Z", GIT_COMMITTER_DATE: "2024-01-01T00:00:00Z" },
  });
}

export function commitAll(cwd: string, message: string): void {
  git(cwd, "add", "-A");
  git(cwd, "commit", "-q", "-m", message);
}

/** Fixed dates, one day apart, so history never depends on the clock. */
const EPOCH = Date.UTC(2024, 0, 1) / 1000;

export interface TestRepo {
  root: string;
  /** Writes files (null deletes), commits them, and returns the commit id. */
  commit(message: string, files: Record<string, string | null>): Promise<string>;
  /** `git mv`, then commit. */
  rename(message: string, from: string, to: string): Promise<string>;
  git(...args: string[]): string;
}

export async function makeRepo(): Promise<TestRepo> {
  const root = await makeTree({});
  let day = 0;
  const git = (...args: string[]): string => {
    const date = `${EPOCH + day * 86_400} +0000`;
    return execFileSync("git", ["-c", "user.name=Test Writer", "-c", "user.email=writer@example.com", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", ...args], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, LC_ALL: "C" },
    }).trim();
  };
  git("init", "-q");
  const commitAll = (message: string): string => {
    day++;
    git("add", "-A");
    git("commit", "-q", "--allow-empty", "-m", message);
    return git("rev-parse", "HEAD");
  };
  return {
    root,
    git,
    async commit(message, files) {
      const writes: Record<string, string> = {};
      for (const [file, content] of Object.entries(files)) {
        if (content === null) await rm(path.join(root, file), { force: true });
        else writes[file] = content;
      }
      await writeTree(root, writes);
      return commitAll(message);
    },
    async rename(message, from, to) {
      git("mv", from, to);
      return commitAll(message);
    },
  };
}

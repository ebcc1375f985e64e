import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { DriftError } from "../errors.js";
import { gitEnv } from "./run-git.js";

/** What `git cat-file --batch` says about one object name. */
export type ObjectRead = { found: true; id: string; type: string; content: Buffer } | { found: false };

interface Pending {
  resolve: (read: ObjectRead) => void;
  reject: (error: Error) => void;
}

/**
 * One long-lived `git cat-file --batch` for the whole run: old blobs are read through it, never a
 * process per file. Requests are answered in the order they were written, so a FIFO of pending
 * promises is all the bookkeeping needed.
 */
export class ObjectReader {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending: Pending[] = [];
  private buffer: Buffer = Buffer.alloc(0);
  private failure: Error | undefined;

  constructor(gitDir: string) {
    this.child = spawn("git", ["cat-file", "--batch"], { cwd: gitDir, env: gitEnv(), stdio: ["pipe", "pipe", "pipe"] });
    this.child.stdout.on("data", (chunk: Buffer) => this.receive(chunk));
    this.child.on("error", (error) => this.fail(new DriftError("GIT_FAILED", `\`git cat-file --batch\` could not run: ${error.message}`, undefined, { cause: error })));
    this.child.on("close", (code) => {
      if (this.pending.length > 0) this.fail(new DriftError("GIT_FAILED", `\`git cat-file --batch\` exited (${code}) with ${this.pending.length} reads unanswered`));
    });
    this.child.stdin.on("error", () => undefined); // reported through `close`
  }

  /** Reads an object by any name git accepts: a blob id, `commit:path`, `pin^{commit}`. */
  read(name: string): Promise<ObjectRead> {
    // A name with a newline would desynchronise the batch protocol; no real object has one.
    if (name.includes("\n")) return Promise.resolve({ found: false });
    return new Promise<ObjectRead>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.pending.push({ resolve, reject });
      this.child.stdin.write(`${name}\n`);
    });
  }

  async readText(name: string): Promise<string | undefined> {
    const read = await this.read(name);
    return read.found ? read.content.toString("utf8") : undefined;
  }

  close(): void {
    this.child.stdin.end();
  }

  private receive(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf(0x0a);
      if (headerEnd === -1) return;
      const header = this.buffer.toString("utf8", 0, headerEnd);
      const parts = header.split(" ");
      if (parts[1] === "missing" || parts[1] === "ambiguous") {
        this.buffer = this.buffer.subarray(headerEnd + 1);
        this.pending.shift()?.resolve({ found: false });
        continue;
      }
      const size = Number(parts[2]);
      // Content, then one newline.
      if (this.buffer.length < headerEnd + 1 + size + 1) return;
      const content = Buffer.from(this.buffer.subarray(headerEnd + 1, headerEnd + 1 + size));
      this.buffer = this.buffer.subarray(headerEnd + 1 + size + 1);
      this.pending.shift()?.resolve({ found: true, id: parts[0] ?? "", type: parts[1] ?? "", content });
    }
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const pending of this.pending.splice(0)) pending.reject(error);
  }
}

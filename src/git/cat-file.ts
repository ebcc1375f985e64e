import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { gitEnv, safeGitArgs } from "./run-git.js";

/**
 * What `git cat-file --batch` says about one object name. `unreadable` means the reader could
 * not get an answer at all (git stopped, timed out or said something the protocol does not
 * allow): the caller has no old version to compare with, and says so.
 */
export type ObjectRead =
  | { found: true; id: string; type: string; content: Buffer }
  | { found: false; unreadable?: undefined }
  | { found: false; unreadable: string };

interface Pending {
  name: string;
  resolve: (read: ObjectRead) => void;
  timer: NodeJS.Timeout | undefined;
  /** Set once the reply's header has arrived: the object and the reply's length in bytes. */
  reply?: { id: string; type: string; headerBytes: number; size: number; tooLarge: boolean; skipBytes: number };
}

export interface ObjectReaderOptions {
  /** How long one object may take to arrive; a blob of a few MiB takes milliseconds. */
  requestTimeoutMs?: number;
  /** Objects larger than this are not read into memory: answered as unreadable. */
  maxObjectBytes?: number;
}

export const OBJECT_REQUEST_TIMEOUT_MS = 60_000;

/** `<object id> <type> <size>`: the only header a found object can have (SHA-1 or SHA-256 ids). */
const FOUND_HEADER = /^([0-9a-f]{40}|[0-9a-f]{64}) (blob|tree|commit|tag) (\d{1,15})$/;

/**
 * A name git reads as one object name on one line: not empty, no control characters (a newline
 * would end the request early and desynchronise the replies). Spaces are allowed:
 * without `%(rest)` in the format git takes the whole line as the name, and paths have spaces.
 */
export function isObjectName(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  return name.length > 0 && name.length <= 4096 && !/[\u0000-\u001f\u007f]/.test(name);
}

/**
 * One long-lived `git cat-file --batch` for the whole run: old blobs are read through it, never a
 * process per file. Requests are answered in the order they were written, so a FIFO of pending
 * requests is all the bookkeeping needed, and each reply is checked against the request it
 * answers: `<name> missing` must echo the name sent, a found object must have a well-formed
 * header. Anything else, git exiting, or a request outliving its timeout stops the reader, and
 * every read from then on is `unreadable`; it never waits forever or loops.
 *
 * Neither `-z` nor `--buffer` helps here: in git 2.39 `-z` only changes how requests are framed
 * (names with control characters are refused anyway) while replies still echo the name, and
 * `--buffer` holds replies back until git exits, which a request-reply reader cannot use.
 */
export class ObjectReader {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending: Pending[] = [];
  private readonly chunks: Buffer[] = [];
  private buffered = 0;
  private failure: string | undefined;
  private readonly requestTimeoutMs: number;
  private readonly maxObjectBytes: number;

  constructor(gitDir: string, options: ObjectReaderOptions = {}) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? OBJECT_REQUEST_TIMEOUT_MS;
    this.maxObjectBytes = options.maxObjectBytes ?? Number.POSITIVE_INFINITY;
    this.child = spawn("git", safeGitArgs(["cat-file", "--batch"]), { cwd: gitDir, env: gitEnv(), stdio: ["pipe", "pipe", "pipe"] });
    this.child.stdout.on("data", (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.resume(); // never let a full stderr pipe block git
    this.child.on("error", (error) => this.fail(`\`git cat-file --batch\` could not run: ${error.message}`));
    this.child.on("close", (code) => this.fail(`\`git cat-file --batch\` exited (${code ?? "killed"})`));
    this.child.stdin.on("error", () => undefined); // reported through `close`
  }

  /** Reads an object by any name git accepts: a blob id, `commit:path`, `pin^{commit}`. */
  read(name: string): Promise<ObjectRead> {
    if (!isObjectName(name)) return Promise.resolve({ found: false });
    if (this.failure !== undefined) return Promise.resolve({ found: false, unreadable: this.failure });
    return new Promise<ObjectRead>((resolve) => {
      const request: Pending = { name, resolve, timer: undefined };
      this.pending.push(request);
      if (this.pending.length === 1) this.startTimer(request);
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

  /** The oldest request is the one git is answering; only it is timed, so a long queue is fine. */
  private startTimer(request: Pending): void {
    request.timer = setTimeout(() => this.fail(`\`git cat-file --batch\` gave no answer within ${this.requestTimeoutMs} ms`), this.requestTimeoutMs);
    request.timer.unref();
  }

  private answer(read: ObjectRead): void {
    const request = this.pending.shift();
    if (!request) return;
    clearTimeout(request.timer);
    const next = this.pending[0];
    if (next) this.startTimer(next);
    request.resolve(read);
  }

  private receive(chunk: Buffer): void {
    if (this.failure !== undefined) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    // Chunks are joined once per complete reply, not once per chunk: a 100 MB blob arrives in
    // thousands of chunks, and joining each time would copy it thousands of times.
    for (;;) {
      const request = this.pending[0];
      if (!request) {
        if (this.buffered > 0) this.fail("`git cat-file --batch` sent output nobody asked for");
        return;
      }
      if (!request.reply) {
        const state = this.readHeader(request);
        if (state === "answered") continue;
        if (state === "wait") return;
      }
      const reply = request.reply!;
      if (reply.tooLarge) {
        // Skipped as it streams past, never held: the caller hears why it has no content.
        const skip = Math.min(this.buffered, reply.skipBytes);
        this.consumeAcross(skip);
        reply.skipBytes -= skip;
        if (reply.skipBytes > 0) return;
        this.answer({ found: false, unreadable: `it is ${reply.size} bytes, more than the limit of ${this.maxObjectBytes}` });
        continue;
      }
      const total = reply.headerBytes + reply.size + 1; // header, content, one newline
      if (this.buffered < total) return;
      const bytes = this.take(total);
      if (bytes[total - 1] !== 0x0a) {
        this.fail("`git cat-file --batch` gave a reply the protocol does not allow");
        return;
      }
      // A copy: the content must not keep the joined buffer of other replies alive.
      this.answer({ found: true, id: reply.id, type: reply.type, content: Buffer.from(bytes.subarray(reply.headerBytes, reply.headerBytes + reply.size)) });
    }
  }

  /**
   * Reads the header of the reply to `request`; a `missing` reply is answered here. False when
   * there is nothing more to do until more output arrives (or the reader failed).
   */
  private readHeader(request: Pending): "wait" | "answered" | "ready" {
    if (this.buffered === 0) return "wait";
    const limit = request.name.length + 128;
    const head = this.peek(Math.min(this.buffered, limit));
    const newline = head.indexOf(0x0a);
    if (newline === -1) {
      if (head.length >= limit) this.fail("`git cat-file --batch` sent a reply header that does not end");
      return "wait";
    }
    const header = head.toString("utf8", 0, newline);
    if (header === `${request.name} missing` || header === `${request.name} ambiguous`) {
      this.consume(newline + 1);
      this.answer({ found: false });
      return "answered";
    }
    const match = FOUND_HEADER.exec(header);
    if (!match) {
      this.fail("`git cat-file --batch` gave a reply the protocol does not allow");
      return "wait";
    }
    const size = Number(match[3]);
    request.reply = { id: match[1]!, type: match[2]!, headerBytes: newline + 1, size, tooLarge: size > this.maxObjectBytes, skipBytes: newline + 1 + size + 1 };
    return "ready";
  }

  /** The first `length` buffered bytes, without consuming them. */
  private peek(length: number): Buffer {
    if (this.chunks.length > 1 && this.chunks[0]!.length < length) this.join();
    return this.chunks[0]!.subarray(0, length);
  }

  private take(length: number): Buffer {
    if (this.chunks[0]!.length < length) this.join();
    const first = this.chunks[0]!;
    const taken = first.subarray(0, length);
    this.consume(length);
    return taken;
  }

  private consume(length: number): void {
    const first = this.chunks[0]!;
    if (first.length === length) this.chunks.shift();
    else this.chunks[0] = first.subarray(length);
    this.buffered -= length;
  }

  /** Drops `length` bytes however many chunks they span. */
  private consumeAcross(length: number): void {
    let left = length;
    while (left > 0) {
      const first = this.chunks[0]!;
      const drop = Math.min(first.length, left);
      this.consume(drop);
      left -= drop;
    }
  }

  private join(): void {
    const joined = Buffer.concat(this.chunks, this.buffered);
    this.chunks.length = 0;
    this.chunks.push(joined);
  }

  private fail(reason: string): void {
    if (this.failure !== undefined) return;
    this.failure = reason;
    this.child.stdout.removeAllListeners("data");
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGKILL");
    for (const request of this.pending.splice(0)) {
      clearTimeout(request.timer);
      request.resolve({ found: false, unreadable: reason });
    }
  }
}

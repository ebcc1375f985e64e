import { DriftError, type DriftErrorCode } from "../errors.js";

/**
 * An error as plain data, the way it crosses a worker thread. Structured cloning keeps neither an
 * error's class nor its own fields, so a `DriftError` thrown in a worker would arrive as a bare
 * `Error` and be printed as `INTERNAL`.
 */
export type PlainError =
  | { kind: "drift"; code: DriftErrorCode; message: string; data?: Record<string, unknown>; stack?: string }
  | { kind: "internal"; message: string; stack?: string };

export function toPlainError(error: unknown): PlainError {
  const stack = error instanceof Error ? error.stack : undefined;
  if (error instanceof DriftError) {
    return { kind: "drift", code: error.code, message: error.message, ...(error.data !== undefined && { data: error.data }), ...(stack !== undefined && { stack }) };
  }
  return { kind: "internal", message: error instanceof Error ? error.message : String(error), ...(stack !== undefined && { stack }) };
}

/** The same error again: a `DriftError` with its code, message and data; the worker's stack kept for `--debug`. */
export function fromPlainError(plain: PlainError): Error {
  const error = plain.kind === "drift" ? new DriftError(plain.code, plain.message, plain.data) : new Error(plain.message);
  if (plain.stack !== undefined) error.stack = plain.stack;
  return error;
}

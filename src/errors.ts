/** Stable codes for the tool's own failures; bad documents are findings, never these. */
export type DriftErrorCode =
  | "USAGE"
  | "CONFIG_INVALID"
  | "ROOT_UNREADABLE"
  | "IO_FAILED"
  | "GIT_FAILED"
  | "RULE_FAILED"
  | "INTERNAL";

/** An expected failure: the CLI prints `l10n-drift: CODE message` and exits 2. */
export class DriftError extends Error {
  readonly code: DriftErrorCode;
  readonly data: Record<string, unknown> | undefined;

  constructor(code: DriftErrorCode, message: string, data?: Record<string, unknown>, options?: ErrorOptions) {
    super(message, options);
    this.name = "DriftError";
    this.code = code;
    this.data = data;
  }
}

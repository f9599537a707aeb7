export type FieldErrors = Record<string, string[]>;

export interface ErrorEnvelope {
  error: { code: string; message: string; fields: FieldErrors | null };
}

export function isErrorEnvelope(value: unknown): value is ErrorEnvelope {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const inner = (value as { error: unknown }).error;
  return (
    typeof inner === "object" &&
    inner !== null &&
    typeof (inner as { code?: unknown }).code === "string" &&
    typeof (inner as { message?: unknown }).message === "string"
  );
}

/** An error answered by the API, carrying the server's (already localized) message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldErrors;
  /** Seconds, from the Retry-After header of a 429. */
  readonly retryAfter: number | null;

  constructor(status: number, body: unknown, retryAfter: string | null = null) {
    const envelope = isErrorEnvelope(body) ? body.error : null;
    super(envelope?.message ?? `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.code = envelope?.code ?? "unknown_error";
    this.fields = envelope?.fields ?? {};
    const seconds = retryAfter === null ? Number.NaN : Number.parseInt(retryAfter, 10);
    this.retryAfter = Number.isFinite(seconds) ? seconds : null;
  }

  /** True when the server sent a message meant for people (the envelope), not a bare status. */
  get hasServerMessage(): boolean {
    return this.code !== "unknown_error";
  }
}

/** Network failures and the like: the request never got an answer. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super("network_error", { cause });
    this.name = "NetworkError";
  }
}

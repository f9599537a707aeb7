import { readCookie } from "./cookies";

export const CSRF_COOKIE = "csrftoken";
export const CSRF_HEADER = "X-CSRFToken";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isUnsafeMethod(method: string): boolean {
  return UNSAFE.has(method.toUpperCase());
}

export function apiOrigin(): string {
  return globalThis.location?.origin ?? "";
}

let pending: Promise<void> | null = null;

/** GET /api/auth/csrf, which sets the `csrftoken` cookie. Concurrent calls share one request. */
export function fetchCsrfToken(fetchImpl: typeof fetch = globalThis.fetch): Promise<void> {
  pending ??= fetchImpl(`${apiOrigin()}/api/auth/csrf`, {
    credentials: "include",
    headers: { Accept: "application/json" },
  })
    .then(() => undefined)
    .finally(() => {
      pending = null;
    });
  return pending;
}

export function readCsrfToken(): string | null {
  return readCookie(CSRF_COOKIE);
}

import createClient from "openapi-fetch";
import type { paths } from "@/api/generated/schema";
import { ApiError, isErrorEnvelope, NetworkError } from "./api-error";
import { apiOrigin, CSRF_HEADER, fetchCsrfToken, isUnsafeMethod, readCsrfToken } from "./csrf";

async function errorCode(response: Response): Promise<string | null> {
  try {
    const body: unknown = await response.clone().json();
    return isErrorEnvelope(body) ? body.error.code : null;
  } catch {
    return null;
  }
}

function withCsrf(request: Request, token: string | null): Request {
  const next = new Request(request);
  if (token) next.headers.set(CSRF_HEADER, token);
  return next;
}

/**
 * The fetch used by the API client: sends cookies, adds X-CSRFToken to unsafe requests (fetching
 * the token first when the cookie is missing), and on a 403 `csrf_failed` refetches the token and
 * retries once.
 */
export function createCsrfFetch(baseFetch: typeof fetch = (...args) => globalThis.fetch(...args)) {
  return async function csrfFetch(input: Request): Promise<Response> {
    if (!isUnsafeMethod(input.method)) {
      return baseFetch(new Request(input, { credentials: "include" }));
    }
    if (!readCsrfToken()) await fetchCsrfToken(baseFetch);
    const retryCopy = input.clone();
    const first = new Request(withCsrf(input, readCsrfToken()), { credentials: "include" });
    const response = await baseFetch(first);
    if (response.status !== 403 || (await errorCode(response)) !== "csrf_failed") {
      return response;
    }
    await fetchCsrfToken(baseFetch);
    return baseFetch(new Request(withCsrf(retryCopy, readCsrfToken()), { credentials: "include" }));
  };
}

export function createApiClient(baseFetch?: typeof fetch) {
  return createClient<paths>({
    baseUrl: apiOrigin(),
    credentials: "include",
    headers: { Accept: "application/json" },
    fetch: createCsrfFetch(baseFetch),
  });
}

export const api = createApiClient();

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Turns an openapi-fetch result into data or a thrown ApiError (the error envelope, with
 * Retry-After), so TanStack Query sees failures as errors.
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (cause) {
    throw new NetworkError(cause);
  }
  const { data, error, response } = result;
  if (!response.ok) {
    throw new ApiError(response.status, error, response.headers.get("Retry-After"));
  }
  return data as T;
}

import { afterEach, describe, expect, it, vi } from "vitest";
import { errorResponse, json } from "@/test/utils";
import { createApiClient, unwrap } from "./api-client";
import { ApiError } from "./api-error";

function setCookie(value: string) {
  // biome-ignore lint/suspicious/noDocumentCookie: test set-up.
  document.cookie = `csrftoken=${value}; path=/`;
}

/** A fake server: /api/auth/csrf sets a new token each time; other calls go to `handler`. */
function fakeServer(handler: (request: Request) => Response) {
  let issued = 0;
  const seen: { method: string; path: string; csrf: string | null; body: string }[] = [];
  const baseFetch = vi.fn(async (input: RequestInfo | URL) => {
    const request = input instanceof Request ? input : new Request(String(input));
    const path = new URL(request.url).pathname;
    seen.push({
      method: request.method,
      path,
      csrf: request.headers.get("X-CSRFToken"),
      body: await request.clone().text(),
    });
    if (path === "/api/auth/csrf") {
      issued += 1;
      setCookie(`token-${issued}`);
      return new Response(null, { status: 204 });
    }
    return handler(request);
  });
  return { baseFetch: baseFetch as unknown as typeof fetch, seen };
}

afterEach(() => vi.unstubAllGlobals());

describe("API client CSRF handling", () => {
  it("sends the csrftoken cookie as X-CSRFToken on unsafe requests only", async () => {
    setCookie("abc123");
    const server = fakeServer(() => json({ id: 1 }));
    const api = createApiClient(server.baseFetch);

    await api.GET("/api/auth/me");
    await api.POST("/api/auth/login", { body: { email: "a@b.co", password: "x" } });

    expect(server.seen.map(({ method, path, csrf }) => ({ method, path, csrf }))).toEqual([
      { method: "GET", path: "/api/auth/me", csrf: null },
      { method: "POST", path: "/api/auth/login", csrf: "abc123" },
    ]);
  });

  it("fetches the token first when the cookie is missing", async () => {
    const server = fakeServer(() => new Response(null, { status: 204 }));
    const api = createApiClient(server.baseFetch);

    await api.POST("/api/auth/logout");

    expect(server.seen.map(({ method, path, csrf }) => ({ method, path, csrf }))).toEqual([
      { method: "GET", path: "/api/auth/csrf", csrf: null },
      { method: "POST", path: "/api/auth/logout", csrf: "token-1" },
    ]);
  });

  it("on 403 csrf_failed refetches the token and retries once with the same body", async () => {
    setCookie("stale");
    let attempts = 0;
    const server = fakeServer(() => {
      attempts += 1;
      return attempts === 1
        ? errorResponse(403, "csrf_failed", "CSRF check failed.")
        : json({ detail: "sent" });
    });
    const api = createApiClient(server.baseFetch);

    const data = await unwrap(api.POST("/api/auth/password/forgot", { body: { email: "a@b.co" } }));

    expect(data).toEqual({ detail: "sent" });
    expect(server.seen).toEqual([
      {
        method: "POST",
        path: "/api/auth/password/forgot",
        csrf: "stale",
        body: '{"email":"a@b.co"}',
      },
      { method: "GET", path: "/api/auth/csrf", csrf: null, body: "" },
      {
        method: "POST",
        path: "/api/auth/password/forgot",
        csrf: "token-1",
        body: '{"email":"a@b.co"}',
      },
    ]);
  });

  it("retries only once: a second csrf_failed is returned as an error", async () => {
    setCookie("stale");
    const server = fakeServer(() => errorResponse(403, "csrf_failed", "CSRF check failed."));
    const api = createApiClient(server.baseFetch);

    const failure = unwrap(api.POST("/api/auth/logout"));

    await expect(failure).rejects.toMatchObject({ status: 403, code: "csrf_failed" });
    expect(server.seen.map(({ path }) => path)).toEqual([
      "/api/auth/logout",
      "/api/auth/csrf",
      "/api/auth/logout",
    ]);
  });

  it("does not retry other 403 errors", async () => {
    setCookie("ok");
    const server = fakeServer(() => errorResponse(403, "permission_denied", "No."));
    const api = createApiClient(server.baseFetch);

    await expect(unwrap(api.POST("/api/auth/logout"))).rejects.toBeInstanceOf(ApiError);
    expect(server.seen.map(({ path }) => path)).toEqual(["/api/auth/logout"]);
  });

  it("turns the error envelope and Retry-After into an ApiError", async () => {
    setCookie("ok");
    const server = fakeServer(() =>
      json({ error: { code: "rate_limited", message: "Trop de tentatives.", fields: null } }, 429, {
        "Retry-After": "120",
      }),
    );
    const api = createApiClient(server.baseFetch);

    const error = await unwrap(
      api.POST("/api/auth/login", { body: { email: "a@b.co", password: "x" } }),
    ).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 429,
      code: "rate_limited",
      message: "Trop de tentatives.",
      fields: {},
      retryAfter: 120,
    });
  });
});

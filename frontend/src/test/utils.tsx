import { render } from "@testing-library/react";
import userEvent, { PointerEventsCheckLevel } from "@testing-library/user-event";
import { createMemoryRouter } from "react-router";
import { RouterProvider } from "react-router/dom";
import { beforeAll, vi } from "vitest";
import type { User } from "@/api/types";
import { AppProviders } from "@/app/providers";
import { preloadPages, routes } from "@/app/routes";
import { createQueryClient } from "@/lib/query-client";
import { setupI18n } from "@/test/i18n";

// Every file that renders the app loads the lazy pages' code before its first test: compiling a
// page's modules is slow on a busy machine and must not eat into a findBy*'s wait for a render.
beforeAll(preloadPages);

export const aUser: User = {
  id: 7,
  email: "ada@example.com",
  firstName: "Ada",
  lastName: "Lovelace",
  country: "FR",
  language: "en",
  timeZone: "Europe/Paris",
  role: "learner",
  avatarUrl: null,
  dateJoined: "2025-01-15T10:00:00Z",
};

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  fields: Record<string, string[]> | null = null,
): Response {
  return json({ error: { code, message, fields } }, status);
}

export type Handler = (request: Request) => Response | Promise<Response>;

/** Replaces fetch; `routes` maps "METHOD /path" to a handler. Unknown routes answer 404. */
export function mockApi(routesByKey: Record<string, Handler>) {
  const calls: Request[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    calls.push(request.clone());
    const url = new URL(request.url);
    const handler = routesByKey[`${request.method} ${url.pathname}`];
    if (!handler) return errorResponse(404, "not_found", "Not found.");
    return handler(request);
  });
  vi.stubGlobal("fetch", fetchMock);
  return { fetchMock, calls };
}

/**
 * userEvent on the fake clock (src/test/setup.ts): its pauses between events move the clock.
 * Without its pointer-events check: Vitest does not load the stylesheets (css: false) and no
 * component sets pointer-events inline, so the check could never fail, yet it computed the style
 * of the target and each of its ancestors (slow in jsdom) on every click and every type().
 */
export function setupUser() {
  return userEvent.setup({
    advanceTimers: vi.advanceTimersByTime,
    pointerEventsCheck: PointerEventsCheckLevel.Never,
  });
}

export function renderApp(path: string, language = "en") {
  const i18n = setupI18n(language);
  const queryClient = createQueryClient();
  const defaults = queryClient.getDefaultOptions();
  queryClient.setDefaultOptions({
    ...defaults,
    queries: { ...defaults.queries, retry: false, staleTime: Number.POSITIVE_INFINITY },
  });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const utils = render(
    <AppProviders i18n={i18n} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...utils, router, queryClient, i18n };
}

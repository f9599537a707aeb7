import { act, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { catalogApi } from "@/test/catalog-fixtures";
import { errorResponse, mockApi, renderApp, setupUser } from "@/test/utils";

const h1 = (name: string) => screen.findByRole("heading", { level: 1, name });

/** The catalog API, except the domains: unreachable (fetch's TypeError) while `state.down`. */
function flakyCatalog(state: { down: boolean }) {
  const real = catalogApi();
  return catalogApi({
    "GET /api/catalog/domains": (request) => {
      if (state.down) throw new TypeError("Failed to fetch");
      return real["GET /api/catalog/domains"]?.(request) ?? errorResponse(500, "x", "x");
    },
  });
}

describe("navigation while offline", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("shows the offline page, not the generic error, and retries on demand", async () => {
    const state = { down: true };
    mockApi(flakyCatalog(state));
    renderApp("/catalog/SY0-701", "fr");
    expect(await h1("Vous semblez hors ligne")).toBeInTheDocument();
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("Savoir ne parvient pas à joindre le serveur.");
    expect(screen.queryByText("Une erreur est survenue")).not.toBeInTheDocument();
    // The app around the page is still there: its menu works offline.
    expect(screen.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();

    state.down = false;
    await setupUser().click(within(alert).getByRole("button", { name: "Réessayer" }));
    expect(await h1("CompTIA Security+")).toBeInTheDocument();
    expect(screen.queryByText("Vous semblez hors ligne")).not.toBeInTheDocument();
  });

  it("loads the page by itself when the browser is back online", async () => {
    const state = { down: true };
    vi.stubGlobal("navigator", { ...navigator, onLine: false });
    mockApi(flakyCatalog(state));
    renderApp("/catalog/SY0-701", "en");
    expect(await h1("You seem to be offline")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Try again" })).toBeVisible();

    state.down = false;
    vi.stubGlobal("navigator", { ...navigator, onLine: true });
    act(() => {
      window.dispatchEvent(new Event("online"));
    });
    expect(await h1("CompTIA Security+")).toBeInTheDocument();
  });

  it("keeps the server's own error for an answer from the server", async () => {
    mockApi(
      catalogApi({
        "GET /api/catalog/domains": () => errorResponse(503, "unavailable", "Service unavailable."),
      }),
    );
    renderApp("/catalog/SY0-701", "en");
    expect(await screen.findByRole("alert")).toHaveTextContent("Service unavailable.");
    expect(screen.queryByText("You seem to be offline")).not.toBeInTheDocument();
  });
});

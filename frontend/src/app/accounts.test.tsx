import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { UserSession } from "@/api/types";
import { aUser, errorResponse, json, mockApi, renderApp, setupUser } from "@/test/utils";

const notAuthenticated = () => errorResponse(401, "not_authenticated", "Not signed in.");
const noContent = () => new Response(null, { status: 204 });

const UA = {
  chromeLinux:
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
  firefoxWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
  safariIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
};

function minutesAgo(minutes: number): string {
  return new Date(Date.now() - minutes * 60_000).toISOString();
}

function aSession(id: string, userAgent: string, lastSeenMinutes: number, current = false) {
  return {
    id,
    createdAt: minutesAgo(3 * 24 * 60),
    lastSeenAt: minutesAgo(lastSeenMinutes),
    ipAddress: "192.0.2.10",
    userAgent,
    current,
  } satisfies UserSession;
}

function signedInApi(extra: Parameters<typeof mockApi>[0] = {}) {
  let signedIn = true;
  const api = mockApi({
    "GET /api/auth/csrf": noContent,
    "GET /api/auth/me": () => (signedIn ? json(aUser) : notAuthenticated()),
    "GET /api/users/me/sessions": () => json([]),
    "POST /api/auth/logout": () => {
      signedIn = false;
      return noContent();
    },
    ...extra,
  });
  return api;
}

/** The app's header (pages may have headers of their own). */
function appHeader(): HTMLElement {
  const header = document.querySelector<HTMLElement>(".shell > header");
  expect(header).not.toBeNull();
  return header as HTMLElement;
}

function accountToggle(name = "Ada, account menu") {
  return within(appHeader()).getByRole("button", { name });
}

describe("the account menu", () => {
  it.each(["/", "/profile", "/glossary", "/no/such/page"])(
    "is in the header of %s for a signed-in user",
    async (path) => {
      signedInApi();
      renderApp(path);

      await waitFor(() => expect(accountToggle()).toHaveAttribute("aria-expanded", "false"));
      // Closed: its items are not on the page.
      expect(within(appHeader()).queryByRole("button", { name: "Log out" })).toBeNull();
    },
  );

  it("is not there for a visitor", async () => {
    mockApi({ "GET /api/auth/me": notAuthenticated });
    renderApp("/");

    await screen.findByRole("heading", {
      level: 1,
      name: "Pass your certification with confidence",
    });
    expect(within(appHeader()).queryAllByRole("button", { name: /account/i })).toEqual([]);
  });

  it("shows who is signed in, the profile and log out; Escape closes it", async () => {
    signedInApi();
    renderApp("/");
    const user = setupUser();
    await screen.findByRole("heading", { level: 1, name: "Welcome, Ada!" });

    await user.click(accountToggle());

    const toggle = accountToggle();
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    const panel = document.getElementById(toggle.getAttribute("aria-controls") ?? "");
    expect(panel).not.toBeNull();
    const menu = within(panel as HTMLElement);
    expect(menu.getByText("Ada Lovelace")).toBeInTheDocument();
    expect(menu.getByText("ada@example.com")).toBeInTheDocument();
    expect(menu.getByRole("link", { name: "My profile" })).toHaveAttribute("href", "/profile");
    expect(menu.getByRole("button", { name: "Log out" })).toBeEnabled();

    await user.keyboard("{Escape}");
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(toggle).toHaveFocus();
    expect(screen.queryByRole("button", { name: "Log out" })).toBeNull();
  });

  it("closes on a click elsewhere and when its link is followed", async () => {
    signedInApi();
    const { router } = renderApp("/");
    const user = setupUser();
    await screen.findByRole("heading", { level: 1, name: "Welcome, Ada!" });

    await user.click(accountToggle());
    await user.click(screen.getByRole("heading", { level: 1, name: "Welcome, Ada!" }));
    expect(accountToggle()).toHaveAttribute("aria-expanded", "false");

    await user.click(accountToggle());
    await user.click(screen.getByRole("link", { name: "My profile" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Ada Lovelace" }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/profile");
    expect(accountToggle()).toHaveAttribute("aria-expanded", "false");
  });

  it("logs out from any page: the session ends, the page goes home, the cache is emptied", async () => {
    const { calls } = signedInApi();
    const { router, queryClient } = renderApp("/glossary");
    const user = setupUser();

    await waitFor(() => expect(accountToggle()).toBeInTheDocument());
    await user.click(accountToggle());
    await user.click(screen.getByRole("button", { name: "Log out" }));

    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Pass your certification with confidence",
      }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/");
    expect(screen.getByText("You are logged out.")).toBeInTheDocument();
    expect(calls.filter((r) => r.method === "POST").map((r) => new URL(r.url).pathname)).toEqual([
      "/api/auth/logout",
    ]);
    expect(queryClient.getQueryData(["auth", "me"])).toBeNull();
    expect(within(appHeader()).queryByRole("button", { name: /account/i })).toBeNull();
    expect(
      within(screen.getByRole("navigation", { name: "Main navigation" })).getByRole("link", {
        name: "Log in",
      }),
    ).toBeInTheDocument();
  });

  it("speaks French", async () => {
    mockApi({
      "GET /api/auth/me": () => json({ ...aUser, language: "fr" }),
    });
    renderApp("/", "fr");
    const user = setupUser();
    await screen.findByRole("heading", { level: 1, name: "Bienvenue, Ada\u00a0!" });

    await user.click(accountToggle("Ada, menu du compte"));

    expect(screen.getByRole("link", { name: "Mon profil" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Se déconnecter" })).toBeInTheDocument();
  });
});

describe("the sessions list", () => {
  const sessions = [
    aSession("a1", UA.firefoxWindows, 3 * 60),
    aSession("b2", UA.chromeLinux, 0, true),
    aSession("c3", UA.safariIphone, 2 * 24 * 60),
  ];

  function items() {
    const heading = screen.getByRole("heading", { level: 2, name: "Active sessions" });
    const card = heading.closest("section, div") as HTMLElement;
    return within(card).getAllByRole("listitem");
  }

  it("says “this device” for the current session only; the others name their device", async () => {
    signedInApi({ "GET /api/users/me/sessions": () => json(sessions) });
    renderApp("/profile");
    await screen.findByText("Firefox on Windows");

    const [current, ...others] = items();
    // The current device first, then the most recently active.
    expect(within(current as HTMLElement).getByText("Chrome on Linux")).toBeInTheDocument();
    expect(screen.getAllByText("This device")).toHaveLength(1);
    expect(within(current as HTMLElement).getByText("This device")).toBeInTheDocument();
    expect(
      within(current as HTMLElement).getByRole("button", { name: "Sign out this device" }),
    ).toHaveTextContent("Sign out");

    expect(others.map((item) => within(item).getByRole("button").textContent)).toEqual([
      "Sign out",
      "Sign out",
    ]);
    expect(
      others.map((item) => within(item).getByRole("button").getAttribute("aria-label")),
    ).toEqual(["Sign out Firefox on Windows", "Sign out Safari on iOS"]);
    expect(
      others.map((item) => within(item).getByText(/ago$/, { selector: "time" }).textContent),
    ).toEqual(["3 hours ago", "2 days ago"]);
    for (const item of others) {
      expect(within(item).queryByText(/this device/i)).toBeNull();
    }
  });

  it("signs another device out and stays signed in here", async () => {
    let remaining = sessions;
    const { calls } = signedInApi({
      "GET /api/users/me/sessions": () => json(remaining),
      "DELETE /api/users/me/sessions/a1": () => {
        remaining = sessions.filter((session) => session.id !== "a1");
        return noContent();
      },
    });
    const { router } = renderApp("/profile");
    const user = setupUser();
    await screen.findByText("Firefox on Windows");

    await user.click(screen.getByRole("button", { name: "Sign out Firefox on Windows" }));

    expect(await screen.findByText("The device has been signed out.")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText("Firefox on Windows")).toBeNull());
    expect(calls.filter((r) => r.method === "DELETE").map((r) => new URL(r.url).pathname)).toEqual([
      "/api/users/me/sessions/a1",
    ]);
    expect(router.state.location.pathname).toBe("/profile");
    expect(items()).toHaveLength(2);
  });

  it("reads the same in French", async () => {
    mockApi({
      "GET /api/auth/me": () => json({ ...aUser, language: "fr" }),
      "GET /api/users/me/sessions": () => json(sessions),
    });
    renderApp("/profile", "fr");
    await screen.findByText("Firefox sur Windows");

    expect(screen.getAllByText("Cet appareil")).toHaveLength(1);
    expect(screen.getByRole("button", { name: "Déconnecter cet appareil" })).toHaveTextContent(
      "Déconnecter",
    );
    expect(
      screen.getByRole("button", { name: "Déconnecter Firefox sur Windows" }),
    ).toHaveTextContent("Déconnecter");
    expect(screen.getByRole("button", { name: "Déconnecter Safari sur iOS" })).toBeInTheDocument();
  });
});

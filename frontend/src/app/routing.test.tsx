import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { safeNextPath } from "@/features/auth";
import { aUser, errorResponse, json, mockApi, renderApp, setupUser } from "@/test/utils";

const notAuthenticated = () => errorResponse(401, "not_authenticated", "Not signed in.");

describe("protected routes", () => {
  it("sends a visitor from /profile to /login?next=/profile", async () => {
    mockApi({ "GET /api/auth/me": notAuthenticated });
    const { router } = renderApp("/profile?tab=sessions");

    expect(await screen.findByRole("heading", { level: 1, name: "Log in" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/login");
    expect(router.state.location.search).toBe(
      `?next=${encodeURIComponent("/profile?tab=sessions")}`,
    );
  });

  it("brings the user back to `next` after logging in", async () => {
    let signedIn = false;
    const { calls } = mockApi({
      "GET /api/auth/csrf": () => new Response(null, { status: 204 }),
      "GET /api/auth/me": () => (signedIn ? json(aUser) : notAuthenticated()),
      "POST /api/auth/login": () => {
        signedIn = true;
        return json(aUser);
      },
      "GET /api/users/me/sessions": () => json([]),
    });
    const { router } = renderApp("/profile");
    const user = setupUser();

    await user.type(await screen.findByLabelText("E-mail address"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), "Secret-Pass-1");
    await user.click(screen.getByRole("button", { name: "Log in" }));

    expect(
      await screen.findByRole("heading", { level: 1, name: "Ada Lovelace" }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/profile");
    const login = calls.find((request) => request.url.endsWith("/api/auth/login"));
    expect(await login?.json()).toEqual({ email: "ada@example.com", password: "Secret-Pass-1" });
  });

  it("sends a signed-in user away from /login to the home page", async () => {
    mockApi({ "GET /api/auth/me": () => json(aUser) });
    const { router } = renderApp("/login");

    expect(
      await screen.findByRole("heading", { level: 1, name: "Welcome, Ada!" }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/");
  });

  it("shows the 404 page for an unknown route", async () => {
    mockApi({ "GET /api/auth/me": notAuthenticated });
    renderApp("/no/such/page");
    expect(
      await screen.findByRole("heading", { level: 1, name: "Page not found" }),
    ).toBeInTheDocument();
  });
});

describe("safeNextPath", () => {
  it("keeps same-site paths and refuses everything else", () => {
    expect(safeNextPath("/profile?tab=1")).toBe("/profile?tab=1");
    expect(safeNextPath(null)).toBe("/");
    expect(safeNextPath("")).toBe("/");
    expect(safeNextPath("https://evil.example/")).toBe("/");
    expect(safeNextPath("//evil.example/")).toBe("/");
    expect(safeNextPath("/\\evil.example")).toBe("/");
    expect(safeNextPath("profile")).toBe("/");
  });
});

describe("language switcher", () => {
  it("switches a visitor to French, sets the cookie and <html lang>", async () => {
    mockApi({ "GET /api/auth/me": notAuthenticated });
    renderApp("/login", "en");
    const user = setupUser();

    await screen.findByRole("heading", { level: 1, name: "Log in" });
    await user.click(screen.getByRole("button", { name: "Français" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Connexion" })).toBeInTheDocument();
    expect(document.cookie).toContain("savoir_lang=fr");
    expect(document.documentElement.lang).toBe("fr");
    expect(screen.getByRole("button", { name: "Français" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
  });

  it("saves a signed-in user's choice on the profile", async () => {
    const { calls } = mockApi({
      "GET /api/auth/csrf": () => new Response(null, { status: 204 }),
      "GET /api/auth/me": () => json(aUser),
      "PATCH /api/users/me": () => json({ ...aUser, language: "fr" }),
    });
    renderApp("/", "en");
    const user = setupUser();

    await screen.findByRole("heading", { level: 1, name: "Welcome, Ada!" });
    await user.click(screen.getByRole("button", { name: "Français" }));

    expect(
      await screen.findByRole("heading", { level: 1, name: "Bienvenue, Ada\u00a0!" }),
    ).toBeInTheDocument();
    await waitFor(() => expect(calls.some((request) => request.method === "PATCH")).toBe(true));
    const patch = calls.find((request) => request.method === "PATCH");
    expect(await patch?.json()).toEqual({ language: "fr" });
    expect(document.cookie).toContain("savoir_lang=fr");
  });
});

describe("logout", () => {
  it("ends the session, goes home and forgets the cached user data", async () => {
    let signedIn = true;
    mockApi({
      "GET /api/auth/csrf": () => new Response(null, { status: 204 }),
      "GET /api/auth/me": () => (signedIn ? json(aUser) : notAuthenticated()),
      "GET /api/users/me/sessions": () => json([]),
      "POST /api/auth/logout": () => {
        signedIn = false;
        return new Response(null, { status: 204 });
      },
    });
    const { router, queryClient } = renderApp("/profile");
    const user = setupUser();

    await screen.findByRole("heading", { level: 1, name: "Ada Lovelace" });
    await screen.findByText("No active sessions.");
    await user.click(screen.getByRole("button", { name: "Log out" }));

    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Pass your certification with confidence",
      }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/");
    expect(screen.getByText("You are logged out.")).toBeInTheDocument();
    expect(queryClient.getQueryData(["auth", "me"])).toBeNull();
    expect(queryClient.getQueryData(["profile", "sessions"])).toBeUndefined();
  });
});

describe("app shell", () => {
  it("moves focus to the new page's heading after navigating", async () => {
    mockApi({ "GET /api/auth/me": notAuthenticated });
    renderApp("/");
    const user = setupUser();
    await screen.findByRole("heading", {
      level: 1,
      name: "Pass your certification with confidence",
    });

    await user.click(
      within(screen.getByRole("navigation", { name: "Main navigation" })).getByRole("link", {
        name: "Sign up",
      }),
    );

    const heading = await screen.findByRole("heading", { level: 1, name: "Create your account" });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(document.title).toBe("Sign up · Savoir");
  });

  it("shows the error page when loading the user fails, and retries", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    let fail = true;
    mockApi({
      "GET /api/auth/me": () =>
        fail ? errorResponse(500, "server_error", "Server error.") : json(aUser),
    });
    renderApp("/profile");
    const user = setupUser();

    expect(
      await screen.findByRole("heading", { level: 1, name: "Something went wrong" }),
    ).toBeInTheDocument();
    fail = false;
    await user.click(screen.getByRole("button", { name: "Try again" }));

    expect(
      await screen.findByRole("heading", { level: 1, name: "Ada Lovelace" }),
    ).toBeInTheDocument();
  });
});

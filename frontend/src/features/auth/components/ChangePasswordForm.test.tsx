import { getDefaultNormalizer, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { aUser, errorResponse, json, mockApi, renderApp, setupUser } from "@/test/utils";

function profileApi(extra: Parameters<typeof mockApi>[0] = {}, me = aUser) {
  return mockApi({
    "GET /api/auth/csrf": () => new Response(null, { status: 204 }),
    "GET /api/auth/me": () => json(me),
    "GET /api/users/me/sessions": () => json([]),
    ...extra,
  });
}

describe("ChangePasswordForm", () => {
  it("refuses the current password as the new one before asking the server", async () => {
    const { calls } = profileApi();
    renderApp("/profile");
    const user = setupUser();

    await user.type(await screen.findByLabelText("Current password"), "Analytical-Engine-1");
    await user.type(screen.getByLabelText("New password"), "Analytical-Engine-1");
    await user.click(screen.getByRole("button", { name: "Change password" }));

    const input = screen.getByLabelText("New password");
    expect(input).toHaveFocus();
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(
      screen.getByText("The new password must be different from the current one."),
    ).toBeInTheDocument();
    expect(calls.filter((request) => request.method === "PUT")).toEqual([]);
  });

  it("refuses a new password built from the user's names", async () => {
    const { calls } = profileApi({}, { ...aUser, language: "fr" });
    renderApp("/profile", "fr");
    const user = setupUser();

    await user.type(await screen.findByLabelText("Mot de passe actuel"), "Analytical-Engine-1");
    await user.type(screen.getByLabelText("Nouveau mot de passe"), "ada.LOVELACE.1815");
    await user.click(screen.getByRole("button", { name: "Changer le mot de passe" }));

    expect(
      screen.getByText(
        "Ce mot de passe est construit à partir de votre nom ou de votre adresse courriel. Ajoutez des mots de votre choix\u00a0: des chiffres ou des symboles seuls ne suffisent pas.",
        // Keep the no-break space: the default normaliser would turn it into a space.
        { normalizer: getDefaultNormalizer({ collapseWhitespace: false }) },
      ),
    ).toBeInTheDocument();
    expect(calls.filter((request) => request.method === "PUT")).toEqual([]);
  });

  it("shows the server's refusal under the new password", async () => {
    profileApi({
      "PUT /api/users/me/password": () =>
        errorResponse(422, "validation_error", "Some fields are invalid.", {
          newPassword: ["The new password must be different from the current one."],
        }),
    });
    renderApp("/profile");
    const user = setupUser();

    // Different as typed, the same once the server compares (it alone knows the stored one).
    await user.type(await screen.findByLabelText("Current password"), "Analytical-Engine-1");
    await user.type(screen.getByLabelText("New password"), "Difference-Engine-2!");
    await user.click(screen.getByRole("button", { name: "Change password" }));

    expect(
      await screen.findByText("The new password must be different from the current one."),
    ).toBeInTheDocument();
    expect(screen.getByLabelText("New password")).toHaveAttribute("aria-invalid", "true");
  });
});

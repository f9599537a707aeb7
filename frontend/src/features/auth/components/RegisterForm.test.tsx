import { getDefaultNormalizer, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { errorResponse, mockApi, renderApp, setupUser } from "@/test/utils";

async function fillValidForm() {
  const user = setupUser();
  await user.type(await screen.findByLabelText("First name"), "Ada");
  await user.type(screen.getByLabelText("Last name"), "Lovelace");
  await user.type(screen.getByLabelText("E-mail address"), "ada@example.com");
  await user.type(screen.getByLabelText("Password"), "Analytical-Engine-1");
  return user;
}

describe("RegisterForm", () => {
  it("shows the server's field errors under the matching inputs and focuses the first", async () => {
    const { calls } = mockApi({
      "GET /api/auth/csrf": () => new Response(null, { status: 204 }),
      "GET /api/auth/me": () => errorResponse(401, "not_authenticated", "Not signed in."),
      "POST /api/auth/register": () =>
        errorResponse(409, "email_taken", "An account already uses this e-mail address.", {
          email: ["An account already uses this e-mail address."],
        }),
    });
    renderApp("/register");
    const user = await fillValidForm();

    await user.click(screen.getByRole("button", { name: "Create my account" }));

    const email = screen.getByLabelText("E-mail address");
    const fieldError = await screen.findByText("An account already uses this e-mail address.", {
      selector: ".field__error p",
    });
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email.getAttribute("aria-describedby")?.split(" ")).toContain(
      fieldError.parentElement?.id,
    );
    expect(fieldError.parentElement).toHaveAttribute("role", "alert");
    expect(email).toHaveFocus();
    expect(screen.getByLabelText("First name")).not.toHaveAttribute("aria-invalid");

    const register = calls.find((request) => request.url.endsWith("/api/auth/register"));
    expect(await register?.json()).toEqual({
      email: "ada@example.com",
      password: "Analytical-Engine-1",
      firstName: "Ada",
      lastName: "Lovelace",
      country: null,
      language: "en",
    });
  });

  it("puts the server message in a form alert and password errors under the password", async () => {
    mockApi({
      "GET /api/auth/csrf": () => new Response(null, { status: 204 }),
      "GET /api/auth/me": () => errorResponse(401, "not_authenticated", "Not signed in."),
      "POST /api/auth/register": () =>
        errorResponse(422, "validation_error", "Please check the form.", {
          password: ["This password is too common."],
        }),
    });
    renderApp("/register");
    const user = await fillValidForm();

    await user.click(screen.getByRole("button", { name: "Create my account" }));

    const alert = (await screen.findByText("Please check the form.")).closest(".alert");
    expect(alert).toHaveAttribute("role", "alert");
    expect(screen.getByText("This password is too common.")).toBeInTheDocument();
    expect(screen.getByLabelText("Password")).toHaveFocus();
  });

  it("does not call the server while the password breaks a rule", async () => {
    const { calls } = mockApi({
      "GET /api/auth/me": () => errorResponse(401, "not_authenticated", "Not signed in."),
    });
    renderApp("/register");
    const user = setupUser();
    await user.type(await screen.findByLabelText("First name"), "Ada");
    await user.type(screen.getByLabelText("Last name"), "Lovelace");
    await user.type(screen.getByLabelText("E-mail address"), "ada@example.com");
    await user.type(screen.getByLabelText("Password"), "short");

    const items = screen.getAllByRole("listitem").filter((li) => li.dataset.rule);
    expect(items.map((li) => [li.dataset.rule, li.dataset.met])).toEqual([
      ["minLength", "false"],
      ["upper", "false"],
      ["digit", "false"],
      ["special", "false"],
      ["notPersonal", "true"],
    ]);

    await user.click(screen.getByRole("button", { name: "Create my account" }));

    expect(screen.getByLabelText("Password")).toHaveFocus();
    expect(screen.getByLabelText("Password")).toHaveAttribute("aria-invalid", "true");
    expect(calls.filter((request) => request.method === "POST")).toEqual([]);
  });
});

describe("a password built from the user's names", () => {
  it("is marked in the checklist as the names are typed, and not sent", async () => {
    const { calls } = mockApi({
      "GET /api/auth/me": () => errorResponse(401, "not_authenticated", "Not signed in."),
    });
    renderApp("/register");
    const user = setupUser();
    const rule = () =>
      screen
        .getAllByRole("listitem")
        .find((li) => li.dataset.rule === "notPersonal")
        ?.getAttribute("data-met");

    await user.type(await screen.findByLabelText("Password"), "LovelaceAda1815!");
    expect(rule()).toBe("unchecked");
    await user.type(screen.getByLabelText("First name"), "Ada");
    expect(rule()).toBe("true");
    await user.type(screen.getByLabelText("Last name"), "Lovelace");
    expect(rule()).toBe("false");
    await user.type(screen.getByLabelText("E-mail address"), "ada@example.com");

    await user.click(screen.getByRole("button", { name: "Create my account" }));

    const password = screen.getByLabelText("Password");
    expect(password).toHaveFocus();
    expect(password).toHaveAttribute("aria-invalid", "true");
    expect(
      screen.getByText(
        "This password is built from your name or your e-mail address. Add words of your own: digits or symbols alone are not enough.",
      ),
    ).toBeInTheDocument();
    expect(calls.filter((request) => request.method === "POST")).toEqual([]);
  });

  it("is told in French too", async () => {
    mockApi({
      "GET /api/auth/me": () => errorResponse(401, "not_authenticated", "Not signed in."),
    });
    renderApp("/register", "fr");
    const user = setupUser();
    await user.type(await screen.findByLabelText("Prénom"), "Irène");
    await user.type(screen.getByLabelText("Nom"), "Joliot");
    await user.type(screen.getByLabelText("Adresse e-mail"), "irene@example.fr");
    await user.type(screen.getByLabelText("Mot de passe"), "JOLIOT-irene-1897");

    await user.click(screen.getByRole("button", { name: "Créer mon compte" }));

    expect(
      screen.getByText(
        "Ce mot de passe est construit à partir de votre nom ou de votre adresse courriel. Ajoutez des mots de votre choix\u00a0: des chiffres ou des symboles seuls ne suffisent pas.",
        // Keep the no-break space: the default normaliser would turn it into a space.
        { normalizer: getDefaultNormalizer({ collapseWhitespace: false }) },
      ),
    ).toBeInTheDocument();
  });
});

describe("PasswordChecklist", () => {
  it("lists the rules still to meet, and the input stops at 128 characters", async () => {
    mockApi({
      "GET /api/auth/me": () => errorResponse(401, "not_authenticated", "Not signed in."),
    });
    renderApp("/register");
    const password = await screen.findByLabelText("Password");
    const rules = () =>
      screen
        .getAllByRole("listitem")
        .filter((li) => li.dataset.rule)
        .map((li) => [li.dataset.rule, li.dataset.met]);

    await setupUser().type(password, "Aa1!aaaa");
    // No name typed yet: "not built from your names" is left to the server.
    expect(rules()).toEqual([
      ["minLength", "true"],
      ["upper", "true"],
      ["digit", "true"],
      ["special", "true"],
      ["notPersonal", "unchecked"],
    ]);
    expect(screen.getByText("At least 8 characters")).toHaveTextContent("(met)");
    expect(
      screen.getByText(
        "Something other than your first name, last name or e-mail address (adding digits or symbols is not enough)",
        { exact: false },
      ),
    ).toHaveTextContent("(checked when you send the form)");

    password.focus();
    await setupUser().paste("a".repeat(200));
    expect(password).toHaveValue(`Aa1!${"a".repeat(124)}`);
    expect(rules().map(([rule]) => rule)).toEqual([
      "minLength",
      "upper",
      "digit",
      "special",
      "notPersonal",
    ]);
  });
});

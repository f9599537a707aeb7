import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { aUser, errorResponse, json, mockApi, renderApp, setupUser } from "@/test/utils";

/** The checklist that describes an input, and its rules as [rule, met]. */
function checklistOf(input: HTMLElement) {
  const ids = input.getAttribute("aria-describedby")?.split(" ") ?? [];
  const checklist = ids
    .map((id) => document.getElementById(id))
    .find((element) => element?.querySelector("[data-rule]"));
  expect(checklist).toBeTruthy();
  const rules = () =>
    within(checklist as HTMLElement)
      .getAllByRole("listitem")
      .map((item) => [item.dataset.rule, item.dataset.met]);
  return { checklist: checklist as HTMLElement, rules };
}

describe("NewPasswordField", () => {
  it("is the reset form's new password, with the rules checklist describing it", async () => {
    mockApi({
      "GET /api/auth/me": () => errorResponse(401, "not_authenticated", "Not signed in."),
    });
    renderApp("/reset-password?token=abc");
    const user = setupUser();

    const input = await screen.findByLabelText("New password");
    expect(input).toHaveAttribute("name", "newPassword");
    expect(input).toHaveAttribute("autocomplete", "new-password");
    expect(input).toHaveAttribute("maxlength", "128");
    const { checklist, rules } = checklistOf(input);
    expect(within(checklist).getByText("Your password must contain:")).toBeInTheDocument();

    await user.type(input, "Aa1!");
    // Whose password it is stays on the server until the form is sent.
    expect(rules()).toEqual([
      ["minLength", "false"],
      ["upper", "true"],
      ["digit", "true"],
      ["special", "true"],
      ["notPersonal", "unchecked"],
    ]);
  });

  it("is the profile's new password too, beside the current one", async () => {
    mockApi({
      "GET /api/auth/me": () => json(aUser),
      "GET /api/users/me/sessions": () => json([]),
    });
    renderApp("/profile");
    const user = setupUser();

    const input = await screen.findByLabelText("New password");
    expect(screen.getByLabelText("Current password")).toHaveAttribute(
      "autocomplete",
      "current-password",
    );
    expect(input).toHaveAttribute("name", "newPassword");
    expect(input).toHaveAttribute("autocomplete", "new-password");
    expect(input).toHaveAttribute("maxlength", "128");
    const { rules } = checklistOf(input);

    await user.type(input, "Aa1!aaaa");
    expect(rules()).toEqual([
      ["minLength", "true"],
      ["upper", "true"],
      ["digit", "true"],
      ["special", "true"],
      ["notPersonal", "true"],
    ]);

    // The signed-in user is Ada Lovelace (ada@example.com).
    await user.clear(input);
    await user.type(input, "Lovelace.Ada-1!");
    expect(rules()).toContainEqual(["notPersonal", "false"]);
  });
});

import { render, screen, within } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { createMemoryRouter } from "react-router";
import { RouterProvider } from "react-router/dom";
import { describe, expect, it } from "vitest";
import { setupI18n } from "@/test/i18n";
import { Breadcrumbs } from "./Breadcrumbs";

function renderCrumbs(language: string) {
  const router = createMemoryRouter(
    [
      {
        path: "*",
        element: (
          <Breadcrumbs
            items={[
              { to: "/catalog/SY0-701", label: "CompTIA Security+" },
              { to: "/catalog/SY0-701/1.0", code: "1.0", label: "Concepts généraux de sécurité" },
              { to: "/catalog/SY0-701/1.2", code: "1.2", label: "Résumer les concepts" },
              {
                to: "/catalog/SY0-701/1.2/1.2.3",
                code: "1.2.3",
                label: "Physical attacks",
                fallback: true,
              },
            ]}
          />
        ),
      },
    ],
    { initialEntries: ["/catalog/SY0-701/1.2/1.2.3"] },
  );
  return render(
    <I18nextProvider i18n={setupI18n(language)}>
      <RouterProvider router={router} />
    </I18nextProvider>,
  );
}

describe("Breadcrumbs", () => {
  it("is a labelled navigation with one link per level, the last one the current page", () => {
    renderCrumbs("fr");
    const nav = screen.getByRole("navigation", { name: "Fil d’Ariane" });
    const links = within(nav).getAllByRole("link");
    expect(links.map((link) => link.textContent)).toEqual([
      "CompTIA Security+",
      "1.0 Concepts généraux de sécurité",
      "1.2 Résumer les concepts",
      "1.2.3 Physical attacks",
    ]);
    expect(links.map((link) => link.getAttribute("href"))).toEqual([
      "/catalog/SY0-701",
      "/catalog/SY0-701/1.0",
      "/catalog/SY0-701/1.2",
      "/catalog/SY0-701/1.2/1.2.3",
    ]);
    expect(links[3]).toHaveAttribute("aria-current", "page");
    expect(links[3]).toHaveAttribute("lang", "en");
    for (const link of links.slice(0, 3)) expect(link).not.toHaveAttribute("aria-current");
    // An ordered list: screen readers announce "list, 4 items".
    expect(within(nav).getAllByRole("listitem")).toHaveLength(4);
  });

  it("is labelled in English too", () => {
    renderCrumbs("en");
    expect(screen.getByRole("navigation", { name: "Breadcrumb" })).toBeInTheDocument();
  });
});

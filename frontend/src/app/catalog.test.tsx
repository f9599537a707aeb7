import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { catalogApi, detailRoute } from "@/test/catalog-fixtures";
import { errorResponse, mockApi, renderApp, setupUser } from "@/test/utils";

const h1 = (name: string | RegExp) => screen.findByRole("heading", { level: 1, name });

describe("catalog navigation", () => {
  it("is in the main navigation, with the glossary, and /catalog opens the only exam", async () => {
    mockApi(catalogApi());
    const { router } = renderApp("/", "fr");
    const user = setupUser();
    const nav = screen.getByRole("navigation", { name: "Navigation principale" });
    expect(within(nav).getByRole("link", { name: "Glossaire" })).toHaveAttribute(
      "href",
      "/glossary",
    );
    await user.click(within(nav).getByRole("link", { name: "Catalogue" }));

    expect(await h1("CompTIA Security+")).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/catalog/SY0-701");
    expect(within(nav).getByRole("link", { name: "Catalogue" })).toHaveAttribute(
      "aria-current",
      "page",
    );
  });

  it("drills down exam → domain → objective → sub-objective on a phone", async () => {
    mockApi({ ...catalogApi(), ...detailRoute("2.4.1") });
    const { router } = renderApp("/catalog/SY0-701", "en");
    const user = setupUser();

    const domainsList = await screen.findByRole("list", { name: "Exam domains" });
    const threats = within(domainsList).getByRole("link", {
      name: "2.0 Threats, Vulnerabilities, and Mitigations",
    });
    expect(within(domainsList).getByText("22% of the exam")).toBeInTheDocument();
    await user.click(threats);

    expect(await h1("Threats, Vulnerabilities, and Mitigations")).toBeInTheDocument();
    const objectivesList = await screen.findByRole("list", { name: "Objectives" });
    expect(within(objectivesList).getByText("Given a scenario")).toBeInTheDocument();
    await user.click(within(objectivesList).getByRole("link", { name: /^2\.4 / }));

    expect(
      await h1("Given a scenario, analyze indicators of malicious activity."),
    ).toBeInTheDocument();
    expect(screen.getByText("A scenario-based objective")).toBeInTheDocument();
    const subsList = await screen.findByRole("list", { name: "Sub-objectives" });
    await user.click(within(subsList).getByRole("link", { name: /^2\.4\.1 Malware attacks/ }));

    expect(await h1("Malware attacks")).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/catalog/SY0-701/2.4/2.4.1");
    const crumbs = screen.getByRole("navigation", { name: "Breadcrumb" });
    expect(
      within(crumbs)
        .getAllByRole("link")
        .map((link) => link.textContent),
    ).toEqual([
      "CompTIA Security+",
      "2.0 Threats, Vulnerabilities, and Mitigations",
      "2.4 Given a scenario, analyze indicators of malicious activity.",
      "2.4.1 Malware attacks",
    ]);
  });

  it("opens /catalog/SY0-701/1.2/1.2.3 directly, as the issue's example link", async () => {
    mockApi({ ...catalogApi(), ...detailRoute("1.2.3") });
    renderApp("/catalog/SY0-701/1.2/1.2.3", "fr");

    expect(await h1("Authentification, autorisation et traçabilité (AAA)")).toBeInTheDocument();
    expect(document.title).toBe(
      "1.2.3 Authentification, autorisation et traçabilité (AAA) · Savoir",
    );
  });

  it("sends a sub-objective code alone, or under the wrong objective, to its canonical URL", async () => {
    mockApi({ ...catalogApi(), ...detailRoute("2.4.1") });
    const { router } = renderApp("/catalog/SY0-701/2.4.1", "en");
    expect(await h1("Malware attacks")).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/catalog/SY0-701/2.4/2.4.1");

    await router.navigate("/catalog/SY0-701/1.2/2.4.1");
    await waitFor(() => expect(router.state.location.pathname).toBe("/catalog/SY0-701/2.4/2.4.1"));
  });

  it("shows the API's localized message for an unknown code", async () => {
    mockApi(catalogApi());
    renderApp("/catalog/SY0-701/9.9", "fr");
    expect(await h1("Introuvable dans le catalogue")).toBeInTheDocument();
    expect(screen.getByText("Objectif 9.9 inconnu.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Retour au catalogue" })).toHaveAttribute(
      "href",
      "/catalog/SY0-701",
    );
  });

  it("offers a retry when the catalog cannot be loaded", async () => {
    let fail = true;
    mockApi(
      catalogApi({
        "GET /api/catalog/domains": (request) =>
          fail
            ? errorResponse(503, "unavailable", "Service indisponible.")
            : (catalogApi()["GET /api/catalog/domains"]?.(request) ?? errorResponse(500, "x", "x")),
      }),
    );
    renderApp("/catalog/SY0-701", "fr");
    expect(await h1("Le catalogue n’a pas pu être chargé")).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("Service indisponible.");
    fail = false;
    await setupUser().click(screen.getByRole("button", { name: "Réessayer" }));
    expect(await h1("CompTIA Security+")).toBeInTheDocument();
  });
});

describe("the study screen", () => {
  it("shows the sub-objective, its objective and domain, the topics and, to visitors, disabled actions", async () => {
    mockApi({ ...catalogApi(), ...detailRoute("1.2.3") });
    renderApp("/catalog/SY0-701/1.2/1.2.3", "fr");
    const user = setupUser();

    await h1("Authentification, autorisation et traçabilité (AAA)");
    // The official English wording, one tap away.
    const [toggle] = screen.getAllByText("Intitulé officiel en anglais");
    await user.click(toggle as HTMLElement);
    expect(screen.getByText("Authentication, Authorization, and Accounting (AAA)")).toBeVisible();

    const objective = screen.getByRole("region", { name: "Objectif" });
    expect(
      within(objective).getByRole("link", {
        name: "1.2 Résumer les concepts fondamentaux de la sécurité.",
      }),
    ).toHaveAttribute("href", "/catalog/SY0-701/1.2");
    expect(within(objective).getByText("Résumer")).toBeInTheDocument();
    expect(within(objective).queryByText("Un objectif en mise en situation")).toBeNull();
    const domain = screen.getByRole("region", { name: "Domaine" });
    // getByText folds the non-breaking space into a plain one: check the exact text too.
    expect(within(domain).getByText("12 % de l’examen").textContent).toBe("12\u00a0% de l’examen");

    const topics = screen.getByRole("region", { name: "Notions à connaître" });
    expect(
      within(topics)
        .getAllByRole("listitem")
        .map((item) => item.firstChild?.textContent),
    ).toEqual(["1.2.3.1", "1.2.3.3"]);

    const actions = screen.getByRole("region", { name: "Travailler ce sous-objectif" });
    expect(within(actions).getByText("S’entraîner")).toBeInTheDocument();
    expect(screen.getByText("4 questions", { selector: ".question-count" })).toBeInTheDocument();
    const buttons = within(actions).getAllByRole("button");
    expect(buttons.map((button) => button.textContent)).toEqual([
      "S’entraîner",
      "Générer des questions",
      "Réviser",
    ]);
    // A visitor: practice needs an account, and the way in comes back here after logging in.
    for (const button of buttons) expect(button).toBeDisabled();
    expect(buttons[0]).toHaveAccessibleDescription(
      "Connectez-vous pour vous entraîner et suivre votre progression.",
    );
    expect(
      within(actions).getByRole("link", { name: "Se connecter pour s’entraîner" }),
    ).toHaveAttribute("href", `/login?next=${encodeURIComponent("/catalog/SY0-701/1.2/1.2.3")}`);
  });

  it("explains scenario objectives and marks untranslated titles", async () => {
    mockApi({ ...catalogApi(), ...detailRoute("2.4.2") });
    renderApp("/catalog/SY0-701/2.4/2.4.2", "fr");

    const heading = await h1(/Physical attacks/);
    expect(heading).toHaveTextContent("Physical attacks EN");
    expect(within(heading).getByText("Physical attacks")).toHaveAttribute("lang", "en");
    // Already in English: no "official English wording" under it.
    expect(screen.getAllByText("Intitulé officiel en anglais")).toHaveLength(1);
    expect(screen.getByText("Un objectif en mise en situation")).toBeInTheDocument();
    expect(screen.getByText("Mise en situation")).toBeInTheDocument();
    expect(
      screen.getByText("Aucune notion n’est listée pour ce sous-objectif."),
    ).toBeInTheDocument();
  });

  it("re-renders in English when the language changes, on the same sub-objective", async () => {
    const { calls } = mockApi({ ...catalogApi(), ...detailRoute("1.2.3") });
    const { router } = renderApp("/catalog/SY0-701/1.2/1.2.3", "fr");
    const user = setupUser();
    await h1("Authentification, autorisation et traçabilité (AAA)");

    await user.click(screen.getByRole("button", { name: "English" }));

    expect(await h1("Authentication, Authorization, and Accounting (AAA)")).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/catalog/SY0-701/1.2/1.2.3");
    expect(screen.queryByText("Official English wording")).toBeNull();
    expect(screen.getByRole("button", { name: "Practise" })).toBeDisabled();
    const detailLangs = calls
      .map((request) => new URL(request.url))
      .filter((url) => url.pathname.endsWith("/sub-objectives/1.2.3"))
      .map((url) => url.searchParams.get("lang"));
    expect(detailLangs).toEqual(["fr", "en"]);
  });
});

describe("glossary", () => {
  it("lists the acronyms with the English expansion in French, filters, and says when none match", async () => {
    mockApi(catalogApi());
    renderApp("/glossary", "fr");
    const user = setupUser();

    expect(await h1("Glossaire")).toBeInTheDocument();
    expect(await screen.findByText("2 sigles")).toBeInTheDocument();
    expect(screen.getByText("AES")).toBeInTheDocument();
    expect(screen.getByText("Advanced Encryption Standard")).toHaveAttribute("lang", "en");

    await user.type(screen.getByRole("searchbox", { name: "Rechercher un sigle" }), "siem");
    expect(await screen.findByText("1 sigle")).toBeInTheDocument();
    expect(screen.queryByText("AES")).toBeNull();

    await user.clear(screen.getByRole("searchbox"));
    await user.type(screen.getByRole("searchbox"), "xyz");
    expect(await screen.findByText("Aucun sigle trouvé")).toBeInTheDocument();
  });
});

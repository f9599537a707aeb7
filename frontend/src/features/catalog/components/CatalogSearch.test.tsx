import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { catalogApi } from "@/test/catalog-fixtures";
import { mockApi, renderApp, setupUser } from "@/test/utils";
import { SEARCH_DEBOUNCE_MS } from "./CatalogSearch";

const searchCalls = (calls: Request[]) =>
  calls
    .map((request) => new URL(request.url))
    .filter((url) => url.pathname === "/api/catalog/search")
    .map((url) => Object.fromEntries(url.searchParams));

describe("CatalogSearch", () => {
  it("waits for a pause in typing before asking the server, once", async () => {
    // On the fake clock, the pauses between keys are exactly SEARCH_DEBOUNCE_MS - 50, however slow
    // the machine (with the real clock advancing the fake one, they could be longer).
    const { calls } = mockApi(catalogApi());
    renderApp("/catalog/SY0-701", "en");
    const box = await screen.findByRole("searchbox", { name: "Search the catalog" });

    for (const value of ["p", "ph", "phi"]) {
      fireEvent.change(box, { target: { value } });
      await act(() => vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS - 50));
    }
    expect(searchCalls(calls)).toEqual([]);

    await act(() => vi.advanceTimersByTimeAsync(SEARCH_DEBOUNCE_MS));
    await screen.findByText("3 results");
    expect(searchCalls(calls)).toEqual([{ q: "phi", examCode: "SY0-701", lang: "en" }]);
  });

  it("lists hits by kind, each linking to its level; a topic to its sub-objective", async () => {
    mockApi(catalogApi());
    renderApp("/catalog/SY0-701", "fr");
    const user = setupUser();
    await user.type(
      await screen.findByRole("searchbox", { name: "Rechercher dans le catalogue" }),
      "phishing",
    );

    await screen.findByText("3 résultats");
    const objectives = screen.getByRole("list", { name: "Objectifs" });
    expect(within(objectives).getByRole("link")).toHaveAttribute("href", "/catalog/SY0-701/2.4");
    const subs = screen.getByRole("list", { name: "Sous-objectifs" });
    expect(within(subs).getByRole("link", { name: /5\.6\.1 Hameçonnage/ })).toHaveAttribute(
      "href",
      "/catalog/SY0-701/5.6/5.6.1",
    );
    const topics = screen.getByRole("list", { name: "Notions" });
    const topic = within(topics).getByRole("link");
    expect(topic).toHaveAttribute("href", "/catalog/SY0-701/2.2/2.2.12?topic=2.2.12.1");
    expect(topic).toHaveTextContent("dans Vecteurs humains/ingénierie sociale");
    // Where a hit leads to a study screen, how many questions wait there; nothing on the others.
    expect(within(subs).getByRole("link")).toHaveTextContent("6 questions");
    expect(topic).toHaveTextContent("Pas encore de questions");
    expect(within(objectives).getByRole("link")).not.toHaveTextContent(/question/);
  });

  it("says when nothing matches", async () => {
    mockApi(catalogApi());
    renderApp("/catalog/SY0-701", "en");
    const user = setupUser();
    await user.type(await screen.findByRole("searchbox"), "zzz");
    expect(await screen.findByText("No results for “zzz”.")).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /Phishing/ })).not.toBeInTheDocument();
  });

  it("reaches the results with the arrow keys, and Escape clears", async () => {
    mockApi(catalogApi());
    renderApp("/catalog/SY0-701", "en");
    const user = setupUser();
    const box = await screen.findByRole("searchbox", { name: "Search the catalog" });
    await user.type(box, "phi");
    await screen.findByText("3 results");

    // Groups come in the order of their best hit: the sub-objective, the topic, the objective.
    await user.keyboard("{ArrowDown}");
    expect(screen.getByRole("link", { name: /^5\.6\.1 Phishing/ })).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(screen.getByRole("link", { name: /^2\.2\.12\.1 Phishing/ })).toHaveFocus();
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(screen.getByRole("link", { name: /^2\.4 Given a scenario/ })).toHaveFocus();
    await user.keyboard("{ArrowUp}{ArrowUp}{ArrowUp}");
    expect(box).toHaveFocus();

    await user.keyboard("{ArrowDown}{Escape}");
    expect(box).toHaveFocus();
    expect(box).toHaveValue("");
    await waitFor(() =>
      expect(screen.queryByRole("link", { name: /^5\.6\.1 Phishing/ })).not.toBeInTheDocument(),
    );
  });

  it("follows a topic hit to the study screen, with the topic pointed out", async () => {
    mockApi(
      catalogApi({
        "GET /api/catalog/search": () =>
          new Response(
            JSON.stringify([
              {
                id: 11,
                code: "1.2.3.1",
                kind: "topic",
                title: "Authenticating people",
                titleEn: "Authenticating people",
                fallback: false,
                domainCode: "1.0",
                objectiveCode: "1.2",
                subObjectiveCode: "1.2.3",
                contextTitle: "Authentication, Authorization, and Accounting (AAA)",
                matchedLocales: ["en"],
              },
            ]),
            { headers: { "Content-Type": "application/json" } },
          ),
        ...(await import("@/test/catalog-fixtures")).detailRoute("1.2.3"),
      }),
    );
    const { router } = renderApp("/catalog/SY0-701", "en");
    const user = setupUser();
    await user.type(await screen.findByRole("searchbox"), "people");
    await user.click(await screen.findByRole("link", { name: /1\.2\.3\.1 Authenticating people/ }));

    expect(
      await screen.findByRole("heading", {
        level: 1,
        name: "Authentication, Authorization, and Accounting (AAA)",
      }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/catalog/SY0-701/1.2/1.2.3");
    expect(screen.getByText("Found by your search: Authenticating people")).toBeInTheDocument();
    const topics = screen.getByRole("heading", { name: "Topics to know" }).parentElement;
    expect(topics?.querySelector('[aria-current="true"]')).toHaveTextContent(
      "Authenticating people",
    );
    expect(screen.getByRole("searchbox")).toHaveValue("");
  });
});

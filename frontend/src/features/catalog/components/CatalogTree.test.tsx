import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ExamTree } from "@/api/types";
import {
  anExam,
  catalogApi,
  detailRoute,
  domains,
  objectives,
  subObjectives,
} from "@/test/catalog-fixtures";
import { json, mockApi, renderApp, setupUser } from "@/test/utils";

function tree(): ExamTree {
  return {
    exam: anExam(),
    domains: domains("en").map(({ objectiveCount: _count, ...domain }) => ({
      ...domain,
      objectives: objectives("en")
        .filter((objective) => objective.domainCode === domain.code)
        .map(({ subObjectiveCount: _s, domainCode: _d, ...objective }) => ({
          ...objective,
          subObjectives: subObjectives("en")
            .filter((sub) => sub.objectiveCode === objective.code)
            .map(({ code, id, title, titleEn, fallback, questionCount }) => ({
              code,
              id,
              title,
              titleEn,
              fallback,
              questionCount,
              topics: [],
            })),
        })),
    })),
  };
}

function desktop() {
  vi.stubGlobal("matchMedia", (query: string) => ({
    matches: query.includes("min-width: 1024px"),
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

describe("CatalogTree (desktop)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("opens the branch of the current page and marks it as current", async () => {
    desktop();
    mockApi({
      ...catalogApi(),
      ...detailRoute("2.4.1"),
      "GET /api/catalog/exams/SY0-701/tree": () => json(tree()),
    });
    const { router } = renderApp("/catalog/SY0-701/2.4/2.4.1", "en");
    const user = setupUser();

    const outline = await screen.findByRole("navigation", { name: "Exam outline" });
    const current = await within(outline).findByRole("link", { name: "2.4.1 Malware attacks" });
    expect(current).toHaveAttribute("aria-current", "page");
    // Each leaf says how many questions it has; 2.4.2 has none yet.
    expect(current.closest("li")).toHaveTextContent("3 questions");
    const physical = within(outline).getByRole("link", { name: "2.4.2 Physical attacks" });
    expect(physical.closest("li")).toHaveTextContent("No questions yet");
    expect(
      within(outline).getByRole("button", { name: "Objectives of domain 2.0" }),
    ).toHaveAttribute("aria-expanded", "true");
    const closed = within(outline).getByRole("button", { name: "Objectives of domain 1.0" });
    expect(closed).toHaveAttribute("aria-expanded", "false");
    expect(within(outline).queryByRole("link", { name: /^1\.2 / })).toBeNull();

    await user.click(closed);
    expect(closed).toHaveAttribute("aria-expanded", "true");
    await user.click(within(outline).getByRole("link", { name: /^1\.2 / }));
    expect(router.state.location.pathname).toBe("/catalog/SY0-701/1.2");
    expect(await within(outline).findByRole("link", { name: /^1\.2 / })).toHaveAttribute(
      "aria-current",
      "page",
    );
    // The outline stayed mounted: what the learner opened is still open.
    expect(
      within(outline).getByRole("button", { name: "Objectives of domain 2.0" }),
    ).toHaveAttribute("aria-expanded", "true");
  });
});

import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { SearchHit, StudyNote } from "@/api/types";
import { catalogApi, detailRoute } from "@/test/catalog-fixtures";
import { practiceServer } from "@/test/practice-fixtures";
import { json, mockApi, renderApp, setupUser } from "@/test/utils";

const NOTE_HTML = `<h2 id="note-de-quoi-s-agit-il">De quoi s'agit-il</h2>
<p>Le <a href="/glossary#SIEM" class="glossary-link" data-acronym="SIEM">SIEM</a> centralise les journaux.</p>
<div class="note-table" tabindex="0"><table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table></div>
<h2 id="note-pieges">Pièges</h2>
<p>Ne pas confondre.</p>`;

const aNote = (overrides: Partial<StudyNote> = {}): StudyNote => ({
  examCode: "SY0-701",
  subObjectiveCode: "1.2.3",
  title: "Authentification, autorisation et traçabilité (AAA)",
  titleEn: "Authentication, Authorization, and Accounting (AAA)",
  locale: "fr",
  fallback: false,
  html: NOTE_HTML,
  sections: [
    { id: "note-de-quoi-s-agit-il", heading: "De quoi s'agit-il" },
    { id: "note-pieges", heading: "Pièges" },
  ],
  version: 1,
  wordCount: 12,
  updatedAt: "2026-12-01T10:00:00Z",
  ...overrides,
});

const noteRoute = (note: StudyNote | null = aNote()) => ({
  "GET /api/catalog/exams/SY0-701/sub-objectives/1.2.3/note": () =>
    note
      ? json(note)
      : json({ error: { code: "not_found", message: "No note.", fields: null } }, 404),
});

// The whole app renders in each test: a busy machine needs more than the default 5 s.
const SLOW = 20_000;

describe("StudyNote", () => {
  it(
    "shows the study actions, then the note; a glossary link opens its entry",
    async () => {
      mockApi({ ...catalogApi(), ...detailRoute("1.2.3"), ...noteRoute() });
      renderApp("/catalog/SY0-701/1.2/1.2.3", "fr");
      const user = setupUser();

      const note = await screen.findByRole("region", { name: "Fiche de cours" });
      expect(
        await within(note).findByRole("heading", { level: 2, name: "De quoi s'agit-il" }),
      ).toBeInTheDocument();
      expect(within(note).getByRole("table")).toBeInTheDocument();
      const actions = screen.getByRole("region", { name: "Travailler ce sous-objectif" });
      // The actions first: Practise stays a few Tab presses from the top (the note has links).
      expect(actions.compareDocumentPosition(note) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

      await user.click(within(note).getByRole("link", { name: "SIEM" }));
      await screen.findByRole("heading", { level: 1, name: "Glossaire" });
      const entry = await waitFor(() => {
        const current = document.querySelector("[aria-current='true']");
        expect(current).not.toBeNull();
        return current as HTMLElement;
      });
      expect(within(entry).getByText("SIEM")).toBeInTheDocument();
      await waitFor(() => expect(entry).toHaveFocus());
    },
    SLOW,
  );

  it(
    "opens on the section a link names",
    async () => {
      mockApi({ ...catalogApi(), ...detailRoute("1.2.3"), ...noteRoute() });
      renderApp("/catalog/SY0-701/1.2/1.2.3#note-pieges", "fr");
      const traps = await screen.findByRole("heading", { level: 2, name: "Pièges" });
      await waitFor(() => expect(traps).toHaveFocus());
    },
    SLOW,
  );

  it(
    "says when the note is the English one, and shows nothing when there is none",
    async () => {
      mockApi({
        ...catalogApi(),
        ...detailRoute("1.2.3"),
        ...noteRoute(aNote({ locale: "en", fallback: true })),
      });
      const { unmount } = renderApp("/catalog/SY0-701/1.2/1.2.3", "fr");
      const region = await screen.findByRole("region", { name: "Fiche de cours" });
      await within(region).findByRole("heading", { name: "Pièges" });
      expect(
        // getByText reads the no-break space as a plain one.
        within(region).getByText("Pas encore traduite : voici la fiche en anglais."),
      ).toBeInTheDocument();
      unmount();

      mockApi({ ...catalogApi(), ...detailRoute("1.2.3"), ...noteRoute(null) });
      renderApp("/catalog/SY0-701/1.2/1.2.3", "en");
      await screen.findByRole("region", { name: "Study this sub-objective" });
      expect(screen.queryByRole("region", { name: "Study note" })).toBeNull();
      expect(screen.queryByRole("alert")).toBeNull();
    },
    SLOW,
  );

  it(
    "lists search hits from notes with their section and passage, linking to the section",
    async () => {
      const noteHit: SearchHit = {
        id: 5,
        code: "1.2.3",
        title: "Authentification, autorisation et traçabilité (AAA)",
        titleEn: "Authentication, Authorization, and Accounting (AAA)",
        fallback: false,
        kind: "note",
        questionCount: 4,
        domainCode: "1.0",
        objectiveCode: "1.2",
        subObjectiveCode: "1.2.3",
        contextTitle: "Authentification, autorisation et traçabilité (AAA)",
        matchedLocales: ["fr"],
        section: { id: "note-pieges", heading: "Pièges" },
        snippet: "…ne pas confondre la traçabilité et l'autorisation…",
      };
      mockApi(catalogApi({ "GET /api/catalog/search": () => json([noteHit]) }));
      renderApp("/catalog/SY0-701", "fr");
      const user = setupUser();
      await user.type(await screen.findByRole("searchbox", { name: /Rechercher/ }), "tracabilite");

      const list = await screen.findByRole("list", { name: "Dans les fiches de cours" });
      const link = within(list).getByRole("link");
      expect(link).toHaveAttribute("href", "/catalog/SY0-701/1.2/1.2.3#note-pieges");
      expect(link).toHaveTextContent("Section : Pièges"); // (the no-break space reads as one)
      expect(link).toHaveTextContent("…ne pas confondre la traçabilité et l'autorisation…");
    },
    SLOW,
  );
});

describe("practice feedback", () => {
  it(
    "links a wrong answer to the note of the question's sub-objective, not a right one",
    async () => {
      const server = practiceServer();
      mockApi(server.routes);
      renderApp("/practice/SY0-701/2.4.1");
      const user = setupUser();

      await screen.findByText(/Question 1: /);
      await user.click(screen.getByRole("radio", { name: "Choice 1.3" }));
      await user.click(screen.getByRole("button", { name: "Submit my answer" }));
      await screen.findByRole("heading", { level: 2, name: "Incorrect" });
      expect(screen.getByRole("link", { name: "Read the study note on 2.4.1" })).toHaveAttribute(
        "href",
        "/catalog/SY0-701/2.4/2.4.1#note",
      );

      await user.click(screen.getByRole("button", { name: "Next question" }));
      await screen.findByText(/Question 2: /);
      await user.click(screen.getByRole("radio", { name: "Choice 2.2" }));
      await user.click(screen.getByRole("button", { name: "Submit my answer" }));
      await screen.findByRole("heading", { level: 2, name: "Correct!" });
      expect(screen.queryByRole("link", { name: /Read the study note/ })).toBeNull();
    },
    SLOW,
  );
});

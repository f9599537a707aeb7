import { screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ModerationItem, RejectedItem, User } from "@/api/types";
import { catalogApi } from "@/test/catalog-fixtures";
import { aUser, type Handler, json, mockApi, renderApp, setupUser } from "@/test/utils";

const teacher: User = { ...aUser, role: "teacher" };

function anItem(id: number, extra: Partial<ModerationItem> = {}): ModerationItem {
  return {
    id,
    groupId: `00000000-0000-4000-8000-0000000000${id}`,
    language: "en",
    subObjectiveId: 51,
    subObjectiveCode: "2.4.1",
    stem: `Pending question ${id}?`,
    explanation: `Explanation ${id}.`,
    difficulty: 2,
    source: "generated",
    status: "pending_review",
    version: 1,
    createdAt: "2026-01-10T10:00:00Z",
    generationRunId: null,
    choices: [1, 2, 3, 4].map((c) => ({
      id: id * 10 + c,
      text: `Answer ${id}.${c}`,
      isCorrect: c === 2,
      explanation: `Why ${id}.${c}.`,
    })),
    reports: [],
    ...extra,
  };
}

function reviewServer(user: User = teacher) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const record: Handler = async (request) => {
    const path = new URL(request.url).pathname;
    const body = request.method === "GET" ? null : await request.json().catch(() => null);
    calls.push({ method: request.method, path, body });
    return json(anItem(Number(path.split("/")[4])));
  };
  const routes: Record<string, Handler> = {
    ...catalogApi(),
    "GET /api/auth/me": () => json(user),
    "GET /api/moderation/questions": (request) => {
      const url = new URL(request.url);
      calls.push({ method: "GET", path: `${url.pathname}${url.search}`, body: null });
      const queue = url.searchParams.get("queue");
      const items =
        queue === "reported"
          ? [
              anItem(9, {
                status: "approved",
                source: "manual",
                version: 2,
                reports: [
                  {
                    id: 31,
                    reason: "wrong_key",
                    comment: "Answer 3 is right too.",
                    createdAt: "2026-01-11T10:00:00Z",
                    answeredBeforeReport: true,
                    state: "open",
                  },
                ],
              }),
            ]
          : [anItem(1), anItem(2)];
      return json({ count: items.length, items });
    },
  };
  for (const id of [1, 2, 9]) {
    for (const action of ["approve", "reject", "retire"]) {
      routes[`POST /api/moderation/questions/${id}/${action}`] = record;
    }
    routes[`PUT /api/moderation/questions/${id}`] = record;
  }
  routes["POST /api/moderation/reports/31/resolve"] = async (request) => {
    calls.push({
      method: "POST",
      path: "/api/moderation/reports/31/resolve",
      body: await request.json(),
    });
    return json({ id: 31, state: "dismissed" });
  };
  return { routes, calls };
}

const card = (stem: string) => screen.getByText(stem).closest("li") as HTMLElement;

describe("review queue", () => {
  it("shows pending AI questions with the key marked; approve calls its endpoint", async () => {
    const server = reviewServer();
    mockApi(server.routes);
    renderApp("/moderation");
    const user = setupUser();

    expect(await screen.findByText("Pending question 1?")).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "Pending AI questions" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    const first = card("Pending question 1?");
    expect(within(first).getByText("Right answer").closest("li")).toHaveTextContent("Answer 1.2");
    expect(within(first).getByText("Why 1.3.")).toBeInTheDocument();
    expect(within(first).getByText("Version 1")).toBeInTheDocument();
    expect(within(first).getByText("2.4.1")).toBeInTheDocument();

    await user.click(within(first).getByRole("button", { name: "Approve" }));
    expect(await screen.findByText("Question approved.")).toBeInTheDocument();
    expect(server.calls.filter((call) => call.method !== "GET")).toEqual([
      { method: "POST", path: "/api/moderation/questions/1/approve", body: null },
    ]);
    // The queue is read again.
    await waitFor(() =>
      expect(server.calls.filter((call) => call.method === "GET")).toHaveLength(2),
    );
  });

  it("requires a note to reject", async () => {
    const server = reviewServer();
    mockApi(server.routes);
    renderApp("/moderation");
    const user = setupUser();
    await screen.findByText("Pending question 2?");
    const second = card("Pending question 2?");
    await user.click(within(second).getByRole("button", { name: "Reject" }));
    await user.click(within(second).getByRole("button", { name: "Reject the question" }));
    expect(within(second).getByRole("alert")).toHaveTextContent(
      "Write a note explaining the rejection.",
    );
    expect(within(second).getByLabelText("Why is it rejected?")).toHaveFocus();
    expect(server.calls.filter((call) => call.method === "POST")).toEqual([]);

    await user.type(within(second).getByLabelText("Why is it rejected?"), "Two answers fit.");
    await user.click(within(second).getByRole("button", { name: "Reject the question" }));
    expect(await screen.findByText("Question rejected.")).toBeInTheDocument();
    expect(server.calls.filter((call) => call.method === "POST")).toEqual([
      {
        method: "POST",
        path: "/api/moderation/questions/2/reject",
        body: { note: "Two answers fit." },
      },
    ]);
  });

  it("edits a question with one correct answer", async () => {
    const server = reviewServer();
    mockApi(server.routes);
    renderApp("/moderation");
    const user = setupUser();
    await screen.findByText("Pending question 1?");
    const first = card("Pending question 1?");
    await user.click(within(first).getByRole("button", { name: "Edit" }));
    const stem = within(first).getByLabelText("Question");
    await user.clear(stem);
    await user.type(stem, "Edited stem?");
    await user.click(within(first).getByRole("radio", { name: "Answer 3 is the right one" }));
    await user.click(within(first).getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Question saved.")).toBeInTheDocument();
    const put = server.calls.find((call) => call.method === "PUT");
    expect(put?.path).toBe("/api/moderation/questions/1");
    expect(put?.body).toMatchObject({
      stem: "Edited stem?",
      explanation: "Explanation 1.",
      difficulty: 2,
      choices: [
        { text: "Answer 1.1", isCorrect: false, explanation: "Why 1.1." },
        { text: "Answer 1.2", isCorrect: false, explanation: "Why 1.2." },
        { text: "Answer 1.3", isCorrect: true, explanation: "Why 1.3." },
        { text: "Answer 1.4", isCorrect: false, explanation: "Why 1.4." },
      ],
    });
  });

  it("lists reported questions with their reports; dismiss resolves the report", async () => {
    const server = reviewServer();
    mockApi(server.routes);
    renderApp("/moderation");
    const user = setupUser();
    await user.click(await screen.findByRole("tab", { name: "Reported" }));
    expect(await screen.findByText("Pending question 9?")).toBeInTheDocument();
    expect(server.calls.some((call) => call.path.includes("queue=reported"))).toBe(true);
    const reports = screen.getByRole("complementary", { name: "Reports" });
    expect(within(reports).getByText("The marked answer is wrong")).toBeInTheDocument();
    expect(within(reports).getByText("“Answer 3 is right too.”")).toBeInTheDocument();
    await user.click(within(reports).getByRole("button", { name: "Dismiss" }));
    expect(await screen.findByText("Report dismissed.")).toBeInTheDocument();
    expect(server.calls.find((call) => call.path.endsWith("/resolve"))?.body).toEqual({
      dismiss: true,
    });
  });

  it("keeps learners out", async () => {
    const server = reviewServer(aUser);
    mockApi(server.routes);
    renderApp("/moderation");
    expect(
      await screen.findByText("This page is for teachers and administrators."),
    ).toBeInTheDocument();
    expect(server.calls).toEqual([]);
  });
});

describe("learner preview", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** Opens the preview of question 1; with `Math.random` at 0 the shuffle gives 2, 3, 4, 1. */
  async function openPreview(language: "en" | "fr" = "en") {
    vi.spyOn(Math, "random").mockReturnValue(0);
    const server = reviewServer({ ...teacher, language });
    const requests = mockApi(server.routes).calls;
    renderApp("/moderation", language);
    const user = setupUser();
    await screen.findByText("Pending question 1?");
    const first = card("Pending question 1?");
    await user.click(
      within(first).getByRole("button", {
        name: language === "fr" ? "Voir comme un apprenant" : "Preview as a learner",
      }),
    );
    return { first, requests, user };
  }

  /** Every request the page made, as "METHOD /path". */
  const sent = (requests: Request[]) =>
    requests.map((request) => `${request.method} ${new URL(request.url).pathname}`);

  it("shows the stem and shuffled choices without revealing the answer", async () => {
    const { first, requests } = await openPreview();
    const preview = within(first).getByRole("region", { name: "Learner preview" });
    expect(within(preview).getByRole("heading", { name: "Learner preview" })).toHaveFocus();
    expect(within(preview).getByText("Pending question 1?")).toBeInTheDocument();
    expect(within(preview).getByText("AI · not yet reviewed")).toBeInTheDocument();
    const choices = within(preview).getByRole("radiogroup", { name: "Pending question 1?" });
    expect(
      within(choices)
        .getAllByRole("radio")
        .map((radio) => radio.closest("label")?.textContent),
    ).toEqual(["1Answer 1.2", "2Answer 1.3", "3Answer 1.4", "4Answer 1.1"]);
    expect(
      within(preview).getByRole("group", { name: "How sure are you? (optional)" }),
    ).toBeInTheDocument();
    expect(within(preview).getByRole("button", { name: "Submit my answer" })).toBeDisabled();
    // Nothing tells which answer is right: no mark, no explanation, no review action.
    expect(within(first).queryByText("Right answer")).toBeNull();
    expect(within(first).queryByText(/^Why 1\./)).toBeNull();
    expect(within(first).queryByText("Explanation 1.")).toBeNull();
    expect(first.querySelector(".choice--correct, .moderation-choice--correct")).toBeNull();
    expect(within(first).queryByRole("button", { name: "Approve" })).toBeNull();
    expect(sent(requests)).toEqual(["GET /api/auth/me", "GET /api/moderation/questions"]);
  });

  it("a wrong choice (keys 2 then Enter) shows the learner's feedback; nothing is sent", async () => {
    const { first, requests, user } = await openPreview();
    await user.keyboard("2");
    const preview = within(first).getByRole("region", { name: "Learner preview" });
    expect(within(preview).getByRole("radio", { name: "Answer 1.3" })).toBeChecked();
    await user.keyboard("{Enter}");

    const title = within(preview).getByRole("heading", { name: "Incorrect" });
    expect(title).toHaveFocus();
    expect(within(preview).getByText("The right answer is highlighted below.")).toBeVisible();
    const answers = within(preview).getByRole("list", { name: "Every answer explained" });
    const items = within(answers).getAllByRole("listitem");
    // Same shuffled order as before answering, each choice with its explanation.
    expect(items.map((item) => item.querySelector(".choice__text")?.textContent)).toEqual([
      "Answer 1.2",
      "Answer 1.3",
      "Answer 1.4",
      "Answer 1.1",
    ]);
    expect(items[0]).toHaveClass("choice--correct");
    expect(within(items[0] as HTMLElement).getByText("Right answer")).toBeInTheDocument();
    expect(items[1]).toHaveClass("choice--incorrect");
    expect(within(items[1] as HTMLElement).getByText("Your answer")).toBeInTheDocument();
    expect(items.map((item) => item.querySelector(".choice__explanation")?.textContent)).toEqual([
      "Why 1.2.",
      "Why 1.3.",
      "Why 1.4.",
      "Why 1.1.",
    ]);
    expect(within(preview).getByText("Explanation 1.")).toBeInTheDocument();
    expect(within(preview).getByRole("status")).toHaveTextContent(
      "Incorrect answer. The right answer is: Answer 1.2",
    );
    expect(within(preview).getByText(/^Nothing was recorded\./)).toHaveTextContent(
      "mastery of 2.4.1",
    );

    // Enter continues: back to the review card, with no review action taken.
    await user.keyboard("{Enter}");
    expect(within(first).queryByRole("region", { name: "Learner preview" })).toBeNull();
    expect(within(first).getByRole("button", { name: "Preview as a learner" })).toHaveFocus();
    expect(within(first).getByRole("button", { name: "Approve" })).toBeEnabled();
    expect(sent(requests)).toEqual(["GET /api/auth/me", "GET /api/moderation/questions"]);
  });

  it("with clicks: a wrong answer given as sure is a misconception; answer again keeps the order", async () => {
    const { first, requests, user } = await openPreview();
    const preview = within(first).getByRole("region", { name: "Learner preview" });
    await user.click(within(preview).getByRole("radio", { name: "Answer 1.1" }));
    await user.click(within(preview).getByRole("radio", { name: "Sure" }));
    await user.click(within(preview).getByRole("button", { name: "Submit my answer" }));
    expect(
      within(preview).getByText(
        "You were sure, yet the answer was wrong: this question will come back soon.",
      ),
    ).toBeInTheDocument();

    await user.click(within(preview).getByRole("button", { name: "Answer again" }));
    expect(within(preview).getAllByRole("radio", { checked: false })).toHaveLength(7);
    expect(
      within(preview)
        .getAllByRole("radio")
        .slice(0, 4)
        .map((radio) => radio.getAttribute("value")),
    ).toEqual(["12", "13", "14", "11"]);
    await user.click(within(preview).getByRole("radio", { name: "Answer 1.2" }));
    await user.click(within(preview).getByRole("button", { name: "Submit my answer" }));
    expect(within(preview).getByRole("heading", { name: "Correct!" })).toHaveFocus();
    expect(within(preview).getByText("Well done: your answer is right.")).toBeInTheDocument();
    expect(sent(requests).filter((call) => !call.startsWith("GET "))).toEqual([]);
    expect(sent(requests)).not.toContain("POST /api/practice/answers");
  });

  it("closing returns to the review card; the keys do nothing there", async () => {
    const { first, requests, user } = await openPreview();
    await user.keyboard("1");
    await user.click(within(first).getByRole("button", { name: "Back to moderation" }));
    expect(within(first).queryByRole("region", { name: "Learner preview" })).toBeNull();
    expect(within(first).getByText("Right answer").closest("li")).toHaveTextContent("Answer 1.2");
    expect(within(first).getByText("Why 1.3.")).toBeInTheDocument();
    expect(within(first).getByRole("button", { name: "Preview as a learner" })).toHaveFocus();
    await user.keyboard("1");
    expect(screen.queryByRole("radio")).toBeNull();

    // Escape closes too.
    await user.click(within(first).getByRole("button", { name: "Preview as a learner" }));
    expect(within(first).getByRole("region", { name: "Learner preview" })).toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(within(first).queryByRole("region", { name: "Learner preview" })).toBeNull();
    expect(sent(requests)).toEqual(["GET /api/auth/me", "GET /api/moderation/questions"]);
  });

  it("works in French", async () => {
    const { first, requests, user } = await openPreview("fr");
    const preview = within(first).getByRole("region", { name: "Aperçu apprenant" });
    expect(within(preview).getByText("IA · non relue")).toBeInTheDocument();
    // A non-breaking space before the colon (the matcher would fold it into a plain space).
    expect(within(preview).getByText(/^La question telle que/).textContent).toBe(
      "La question telle que les apprenants la voient, réponses mélangées. Répondez pour voir leur retour\u00a0: rien n’est enregistré.",
    );
    expect(within(first).queryByText("Bonne réponse")).toBeNull();
    await user.click(within(preview).getByRole("radio", { name: "Answer 1.4" }));
    await user.click(within(preview).getByRole("button", { name: "Valider ma réponse" }));
    expect(within(preview).getByRole("heading", { name: "Mauvaise réponse" })).toHaveFocus();
    expect(within(preview).getByText("Bonne réponse").closest("li")).toHaveTextContent(
      "Answer 1.2",
    );
    expect(within(preview).getByText("Votre réponse").closest("li")).toHaveTextContent(
      "Answer 1.4",
    );
    expect(within(preview).getByText("Why 1.1.")).toBeInTheDocument();
    // Two "back" buttons after answering: the one at the top, and the one after the feedback.
    const [back] = within(preview).getAllByRole("button", { name: "Retour à la modération" });
    await user.click(back as HTMLElement);
    expect(within(first).getByRole("button", { name: "Approuver" })).toBeInTheDocument();
    expect(sent(requests)).toEqual(["GET /api/auth/me", "GET /api/moderation/questions"]);
  });
});

function aRejected(id: number, extra: Partial<RejectedItem> = {}): RejectedItem {
  return {
    id,
    runId: "7e57a000-0000-4000-8000-000000000001",
    createdAt: "2026-01-12T09:30:00Z",
    language: "en",
    difficulty: 3,
    subObjectiveId: 51,
    subObjectiveCode: "2.4.1",
    reason: "wrong_language",
    reasonMessage: "It was written in the wrong language.",
    stem: `Rejected question ${id}?`,
    explanation: `Rejected explanation ${id}.`,
    choices: [1, 2, 3, 4].map((c) => ({
      text: `Rejected answer ${id}.${c}`,
      isCorrect: c === 1,
      explanation: `Rejected why ${id}.${c}.`,
    })),
    ...extra,
  };
}

describe("questions rejected by the quality checks", () => {
  function rejectedServer(user: User = teacher) {
    const server = reviewServer(user);
    const asked: string[] = [];
    server.routes["GET /api/moderation/rejected-items"] = (request) => {
      const url = new URL(request.url);
      asked.push(url.search);
      const items = [
        aRejected(2, {
          reason: "overlapping_options",
          reasonMessage: "Two answers said the same thing, so more than one could be right.",
        }),
        aRejected(1),
        aRejected(3, {
          reason: "schema",
          reasonMessage: "The AI sent it malformed, with parts missing.",
          stem: "",
          explanation: "",
          choices: [],
        }),
      ].filter(
        (item) => !url.searchParams.get("lang") || item.language === url.searchParams.get("lang"),
      );
      return json({ count: items.length, items });
    };
    return { ...server, asked };
  }

  it("has its own tab listing each rejected question with the reason in words", async () => {
    const server = rejectedServer();
    const requests = mockApi(server.routes).calls;
    const { router } = renderApp("/moderation");
    const user = setupUser();
    await screen.findByText("Pending question 1?");
    // The pending tab does not fetch the rejected items.
    expect(server.asked).toEqual([]);

    await user.click(screen.getByRole("tab", { name: "Rejected by the checks" }));
    expect(await screen.findByText("Rejected question 1?")).toBeInTheDocument();
    expect(router.state.location.search).toBe("?queue=rejected");
    expect(screen.getByRole("tab", { name: "Rejected by the checks" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    expect(screen.getByText("3 questions")).toBeInTheDocument();
    expect(screen.getByRole("listitem", { name: "Rejected question 1?" })).toBe(
      card("Rejected question 1?"),
    );
    const first = card("Rejected question 1?");
    expect(within(first).getByText("It was written in the wrong language.")).toBeInTheDocument();
    expect(within(first).getByText("Right answer").closest("li")).toHaveTextContent(
      "Rejected answer 1.1",
    );
    expect(within(first).getByText("Rejected why 1.3.")).toBeInTheDocument();
    expect(within(first).getByText("2.4.1")).toBeInTheDocument();
    expect(within(first).getByText("Requested language: English")).toBeInTheDocument();
    // Read-only: nothing to approve or reject there.
    expect(within(first).queryByRole("button")).toBeNull();
    const second = card("Rejected question 2?");
    expect(
      within(second).getByText("Two answers said the same thing, so more than one could be right."),
    ).toBeInTheDocument();
    const malformed = card("The question text could not be read.");
    expect(
      within(malformed).getByText("The AI sent it malformed, with parts missing."),
    ).toBeInTheDocument();
    // Never a raw reason code.
    expect(document.body.textContent).not.toMatch(/wrong_language|overlapping_options|schema/);
    expect(requests.map((r) => new URL(r.url).pathname)).toContain(
      "/api/moderation/rejected-items",
    );
  }, 10_000);

  it("filters by language and says when there is nothing", async () => {
    const server = rejectedServer();
    mockApi(server.routes);
    renderApp("/moderation?queue=rejected");
    const user = setupUser();
    await screen.findByText("Rejected question 1?");
    await user.selectOptions(screen.getByRole("combobox", { name: "Language" }), "fr");
    expect(
      await screen.findByText("No generated question has been rejected by the quality checks."),
    ).toBeInTheDocument();
    expect(server.asked.at(-1)).toContain("lang=fr");
  });

  it("arrow keys move through the three tabs", async () => {
    const server = rejectedServer();
    mockApi(server.routes);
    const { router } = renderApp("/moderation?queue=reported");
    const user = setupUser();
    const reported = await screen.findByRole("tab", { name: "Reported" });
    reported.focus();
    await user.keyboard("{ArrowRight}");
    expect(router.state.location.search).toBe("?queue=rejected");
    expect(screen.getByRole("tab", { name: "Rejected by the checks" })).toHaveFocus();
    await user.keyboard("{ArrowRight}");
    expect(router.state.location.search).toBe("");
  });

  it("works in French", async () => {
    const server = rejectedServer({ ...teacher, language: "fr" });
    server.routes["GET /api/moderation/rejected-items"] = () =>
      json({
        count: 1,
        items: [
          aRejected(1, {
            language: "fr",
            stem: "Question rejetée 1 ?",
            reasonMessage: "Elle était rédigée dans la mauvaise langue.",
          }),
        ],
      });
    mockApi(server.routes);
    renderApp("/moderation?queue=rejected", "fr");
    // The stem's question mark is kept on its line by a no-break space (the matcher folds it).
    expect(await screen.findByText("Question rejetée 1 ?")).toBeInTheDocument();
    expect(screen.getByRole("tab", { name: "Rejetées par les contrôles" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    const first = card("Question rejetée 1 ?");
    expect(within(first).getByText("Raison du rejet")).toBeInTheDocument();
    expect(
      within(first).getByText("Elle était rédigée dans la mauvaise langue."),
    ).toBeInTheDocument();
    expect(within(first).getByText("Bonne réponse")).toBeInTheDocument();
    expect(screen.getByText(/^Les questions rédigées par l’IA que nos contrôles/)).toBeVisible();
  });
});

describe("review nav entry", () => {
  it.each([
    ["learner", false],
    ["teacher", true],
    ["admin", true],
  ] as const)("for a %s: shown %s", async (role, shown) => {
    mockApi({ ...catalogApi(), "GET /api/auth/me": () => json({ ...aUser, role }) });
    renderApp("/catalog");
    const nav = await screen.findByRole("navigation", { name: "Main navigation" });
    await within(nav).findByRole("link", { name: "Practice" });
    expect(within(nav).queryByRole("link", { name: "Moderation" }) !== null).toBe(shown);
  });

  it("is not shown to visitors", async () => {
    mockApi(catalogApi());
    renderApp("/catalog");
    const nav = await screen.findByRole("navigation", { name: "Main navigation" });
    await within(nav).findByRole("link", { name: "Log in" });
    expect(within(nav).queryByRole("link", { name: "Moderation" })).toBeNull();
  });
});

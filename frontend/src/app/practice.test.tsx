import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { AnswerInput } from "@/api/types";
import { detailRoute } from "@/test/catalog-fixtures";
import { aQuestion, practiceServer, RIGHT } from "@/test/practice-fixtures";
import { mockApi, renderApp, setupUser } from "@/test/utils";

const PATH = "/practice/SY0-701/2.4.1";
const stem = (n: number) => `Question ${n}: which malware encrypts files and asks for a payment?`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function questionShown(n: number) {
  return screen.findByText(stem(n));
}

describe("practice: answering", () => {
  it("selects, takes a confidence, submits, explains every choice, then goes on", async () => {
    const server = practiceServer();
    const { calls } = mockApi(server.routes);
    renderApp(PATH);
    const user = setupUser();

    expect(
      await screen.findByRole("heading", { level: 1, name: "2.4.1 Malware attacks" }),
    ).toBeInTheDocument();
    await questionShown(1);
    // Three questions exist: the session has three, not the target of ten.
    expect(screen.getByText("Question 1 of 3")).toBeInTheDocument();
    const opened = calls.find(
      (request) => request.method === "POST" && request.url.endsWith("/api/practice/sessions"),
    );
    expect(await opened?.json()).toEqual({
      examCode: "SY0-701",
      subObjectiveId: 51,
      lang: "en",
      mode: "mixed",
      advance: false,
    });

    // Before answering: choices only, nothing about which one is right.
    const group = screen.getByRole("radiogroup", { name: stem(1) });
    expect(within(group).getAllByRole("radio")).toHaveLength(4);
    expect(screen.queryByText(/Right answer|Your answer|Why Choice/)).toBeNull();
    expect(screen.queryByText("General explanation 1.")).toBeNull();
    expect(screen.getByRole("button", { name: "Submit my answer" })).toBeDisabled();

    await user.click(screen.getByRole("radio", { name: "Choice 1.3" }));
    await user.click(screen.getByRole("radio", { name: "Sure" }));
    await user.click(screen.getByRole("button", { name: "Submit my answer" }));

    const heading = await screen.findByRole("heading", { level: 2, name: "Incorrect" });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(server.answers).toHaveLength(1);
    const [sent] = server.answers as [AnswerInput];
    expect(sent).toMatchObject({
      questionId: 101,
      choiceId: 13,
      confidence: "high",
      sessionId: "5e55e55e-0000-4000-8000-000000000001",
    });
    expect(sent.clientAnswerId).toMatch(UUID);
    expect(sent.timeSpentMs).toBeGreaterThanOrEqual(0);

    // Every choice explained; the right one and the learner's one marked in words.
    const answers = screen.getByRole("list", { name: "Every answer explained" });
    const items = within(answers).getAllByRole("listitem");
    expect(items).toHaveLength(4);
    for (const c of [1, 2, 3, 4]) {
      const verdict = 10 + c === RIGHT(1) ? "right" : "wrong";
      expect(within(answers).getByText(`Why Choice 1.${c} is ${verdict}.`)).toBeInTheDocument();
    }
    expect(within(items[1] as HTMLElement).getByText("Right answer")).toBeInTheDocument();
    expect(within(items[2] as HTMLElement).getByText("Your answer")).toBeInTheDocument();
    expect(screen.getByText("General explanation 1.")).toBeInTheDocument();
    expect(
      screen.getByText(
        "You were sure, yet the answer was wrong: this question will come back soon.",
      ),
    ).toBeInTheDocument();
    expect(screen.getByText("Not started → Attempted")).toBeInTheDocument();
    expect(screen.getByText("Score 0 → 8 out of 100")).toBeInTheDocument();
    expect(screen.getByText("Next review of this question in 3 days.")).toBeInTheDocument();
    expect(screen.getByText("Incorrect answer. The right answer is: Choice 1.2")).toHaveAttribute(
      "aria-live",
      "polite",
    );
    expect(screen.getByText("Question 1 of 3")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Next question" }));
    const next = await questionShown(2);
    await waitFor(() => expect(next).toHaveFocus());
    expect(screen.getByText("Question 2 of 3")).toBeInTheDocument();
    expect(screen.queryByText("General explanation 1.")).toBeNull();
  });

  it("answers with the keyboard: 1–5 choose, Enter submits and goes on", async () => {
    const server = practiceServer();
    mockApi(server.routes);
    renderApp(PATH);
    const user = setupUser();
    await questionShown(1);
    expect(screen.getByText("Keyboard: press 1 to 4 to choose, Enter to submit.")).toBeVisible();

    await user.keyboard("3");
    expect(screen.getByRole("radio", { name: "Choice 1.3" })).toBeChecked();
    expect(screen.getByRole("radio", { name: "Choice 1.3" })).toHaveFocus();
    await user.keyboard("2");
    expect(screen.getByRole("radio", { name: "Choice 1.2" })).toBeChecked();
    // No fifth choice here: nothing happens.
    await user.keyboard("5");
    expect(screen.getByRole("radio", { name: "Choice 1.2" })).toBeChecked();

    await user.keyboard("{Enter}");
    const heading = await screen.findByRole("heading", { level: 2, name: "Correct!" });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(server.answers.map((a) => [a.choiceId, a.confidence])).toEqual([[12, null]]);
    // Digits do nothing once answered.
    await user.keyboard("1");
    expect(server.answers).toHaveLength(1);

    await user.keyboard("{Enter}");
    const second = await questionShown(2);
    await waitFor(() => expect(second).toHaveFocus());
    await user.keyboard("1{Enter}");
    expect(await screen.findByRole("heading", { level: 2, name: "Incorrect" })).toBeInTheDocument();
    expect(server.answers.map((a) => a.choiceId)).toEqual([12, 21]);
  });

  it("retries a failed answer with the same clientAnswerId", async () => {
    const server = practiceServer();
    const answer = server.routes["POST /api/practice/answers"];
    let failures = 1;
    const attempts: AnswerInput[] = [];
    const { fetchMock } = mockApi({
      ...server.routes,
      "POST /api/practice/answers": async (request) => {
        attempts.push((await request.clone().json()) as AnswerInput);
        if (failures > 0) {
          failures -= 1;
          throw new TypeError("Failed to fetch");
        }
        if (!answer) throw new Error("no route");
        return answer(request);
      },
    });
    renderApp(PATH);
    const user = setupUser();
    await questionShown(1);

    await user.click(screen.getByRole("radio", { name: "Choice 1.2" }));
    await user.click(screen.getByRole("button", { name: "Submit my answer" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Your answer could not be sent.");
    expect(alert).toHaveTextContent("Cannot reach the server.");
    expect(screen.queryByRole("heading", { level: 2, name: "Correct!" })).toBeNull();

    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(await screen.findByRole("heading", { level: 2, name: "Correct!" })).toBeInTheDocument();
    expect(attempts).toHaveLength(2);
    const [first, second] = attempts as [AnswerInput, AnswerInput];
    expect(second.clientAnswerId).toBe(first.clientAnswerId);
    expect(second).toEqual(first);
    expect(fetchMock).toHaveBeenCalled();
  });

  it("shows the AI badge on unreviewed questions", async () => {
    const server = practiceServer({
      questions: [aQuestion(1, { aiUnreviewed: true })],
      language: "fr",
    });
    mockApi(server.routes);
    renderApp(PATH, "fr");
    expect(await screen.findByText("IA · non relue")).toBeInTheDocument();
  });
});

describe("practice: end of session", () => {
  it("finishes after the last question and shows the summary", async () => {
    const server = practiceServer({ target: 2 });
    mockApi(server.routes);
    const { router } = renderApp(PATH);
    const user = setupUser();

    await questionShown(1);
    await user.keyboard("2{Enter}");
    await screen.findByRole("heading", { level: 2, name: "Correct!" });
    await user.click(screen.getByRole("button", { name: "Next question" }));
    await questionShown(2);
    await user.keyboard("1{Enter}");
    await screen.findByRole("heading", { level: 2, name: "Incorrect" });
    await user.click(screen.getByRole("button", { name: "See my results" }));

    expect(
      await screen.findByRole("heading", { level: 1, name: "Session results" }),
    ).toBeInTheDocument();
    expect(server.state.finished).toBe(true);
    expect(router.state.location.pathname).toBe(
      "/practice/SY0-701/2.4.1/summary/5e55e55e-0000-4000-8000-000000000001",
    );
    expect(screen.getByText("1 / 2")).toBeInTheDocument();
    expect(screen.getByText("50%")).toBeInTheDocument();
    expect(screen.getByText("1 min 5 sec")).toBeInTheDocument();
    const mastery = screen.getByRole("region", { name: "Mastery" });
    expect(within(mastery).getByText("Not started → Attempted")).toBeInTheDocument();
    expect(within(mastery).getByText("0 → 28 out of 100")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Practise again" })).toHaveAttribute("href", PATH);
    expect(screen.getByRole("link", { name: "Back to the study screen" })).toHaveAttribute(
      "href",
      "/catalog/SY0-701/2.4/2.4.1",
    );
  });

  it("finishes on demand with the Finish button", async () => {
    const server = practiceServer({ language: "fr" });
    mockApi(server.routes);
    renderApp(PATH, "fr");
    const user = setupUser();
    await questionShown(1);
    await user.click(screen.getByRole("button", { name: "Terminer" }));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Bilan de la séance" }),
    ).toBeInTheDocument();
    expect(
      screen.getByText("Vous n’avez répondu à aucune question pendant cette séance."),
    ).toBeInTheDocument();
  });

  it("says when nothing is left, with other modes and the whole objective", async () => {
    const server = practiceServer({ questions: [] });
    mockApi(server.routes);
    renderApp(`${PATH}?mode=missed`);
    expect(
      await screen.findByRole("heading", { level: 2, name: "No missed questions here" }),
    ).toBeInTheDocument();
    expect(screen.getByText("Missed questions")).toHaveClass("level-header__eyebrow");
    expect(screen.getByRole("link", { name: "Continue with objective 2.4" })).toHaveAttribute(
      "href",
      "/practice/SY0-701/2.4?mode=missed",
    );
    expect(screen.getByRole("link", { name: "Mixed practice" })).toHaveAttribute("href", PATH);
    expect(screen.getByRole("link", { name: "Due reviews" })).toHaveAttribute(
      "href",
      `${PATH}?mode=due`,
    );
    expect(screen.queryByRole("link", { name: "Missed questions" })).toBeNull();
  });

  it("sends visitors to log in, and back", async () => {
    const server = practiceServer();
    mockApi({
      ...server.routes,
      "GET /api/auth/me": () =>
        new Response(JSON.stringify({ error: { code: "x", message: "x", fields: null } }), {
          status: 401,
          headers: { "Content-Type": "application/json" },
        }),
    });
    const { router } = renderApp(PATH);
    await waitFor(() => expect(router.state.location.pathname).toBe("/login"));
    expect(router.state.location.search).toBe(`?next=${encodeURIComponent(PATH)}`);
  });
});

describe("practice: review later and report", () => {
  it("toggles the review-later flag", async () => {
    const server = practiceServer();
    const { calls } = mockApi(server.routes);
    renderApp(PATH);
    const user = setupUser();
    await questionShown(1);

    const flag = screen.getByRole("button", { name: "Review later" });
    expect(flag).toHaveAttribute("aria-pressed", "false");
    await user.click(flag);
    expect(flag).toHaveAttribute("aria-pressed", "true");
    await waitFor(() =>
      expect(calls.some((r) => r.method === "POST" && r.url.endsWith("/api/practice/flags"))).toBe(
        true,
      ),
    );
    const post = calls.find((r) => r.method === "POST" && r.url.endsWith("/api/practice/flags"));
    expect(await post?.json()).toEqual({ questionId: 101 });

    await user.click(flag);
    expect(flag).toHaveAttribute("aria-pressed", "false");
    await waitFor(() =>
      expect(
        calls.some((r) => r.method === "DELETE" && r.url.endsWith("/api/practice/flags/101")),
      ).toBe(true),
    );
  });

  it("reports a question through an accessible dialog", async () => {
    const server = practiceServer();
    const { calls } = mockApi(server.routes);
    renderApp(PATH);
    const user = setupUser();
    await questionShown(1);

    const open = screen.getByRole("button", { name: "Report this question" });
    await user.click(open);
    let dialog = screen.getByRole("dialog", { name: "Report this question" });
    expect(dialog).toHaveAttribute("aria-modal", "true");
    expect(dialog).toHaveAccessibleDescription("What is wrong with it? A reviewer will check it.");
    expect(within(dialog).getByRole("radio", { name: "The marked answer is wrong" })).toHaveFocus();
    // Digits and Enter belong to the dialog while it is open.
    await user.keyboard("2");
    expect(screen.getByRole("radio", { name: "Choice 1.2" })).not.toBeChecked();

    // Escape closes it and gives focus back.
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(open).toHaveFocus();

    await user.click(open);
    dialog = screen.getByRole("dialog", { name: "Report this question" });
    // Focus stays inside: Tab from the last control goes back to the first (Close).
    const send = within(dialog).getByRole("button", { name: "Send the report" });
    send.focus();
    await user.tab();
    expect(within(dialog).getByRole("button", { name: "Close" })).toHaveFocus();
    await user.tab({ shift: true });
    expect(send).toHaveFocus();

    await user.click(send);
    expect(within(dialog).getByText("Choose a reason.")).toBeInTheDocument();
    await user.click(within(dialog).getByRole("radio", { name: "The question is ambiguous" }));
    await user.type(within(dialog).getByRole("textbox", { name: /^Comment/ }), "Two fit.");
    await user.click(send);

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(await screen.findByText("Thank you: your report was sent.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Reported" })).toHaveFocus();
    const report = calls.find((r) => r.url.endsWith("/api/practice/questions/101/reports"));
    expect(await report?.json()).toEqual({ reason: "ambiguous", comment: "Two fit." });
    // Still possible to answer afterwards.
    await user.click(screen.getByRole("radio", { name: "Choice 1.2" }));
    expect(screen.getByRole("button", { name: "Submit my answer" })).toBeEnabled();
  });
});

describe("practice from the catalog", () => {
  it("opens practice and review from the study screen, with the mastery badge", async () => {
    const server = practiceServer({
      mastery: [
        {
          subObjectiveId: 51,
          subObjectiveCode: "2.4.1",
          score: 42,
          level: "familiar",
          answered: 4,
          correct: 3,
          lastActivityAt: "2026-01-10T10:00:00Z",
          reviewDueAt: new Date(Date.now() + 2 * 24 * 3600 * 1000 + 60_000).toISOString(),
        },
      ],
    });
    mockApi({ ...server.routes, ...detailRoute("2.4.1") });
    renderApp("/catalog/SY0-701/2.4/2.4.1");
    const user = setupUser();

    await screen.findByRole("heading", { level: 1, name: "Malware attacks" });
    expect(await screen.findByText("Mastery: Familiar, score 42 out of 100")).toBeInTheDocument();
    const actions = screen.getByRole("region", { name: "Study this sub-objective" });
    const review = within(actions).getByRole("button", { name: "Review" });
    expect(review).toBeDisabled();
    expect(review).toHaveAccessibleDescription("Next review in 2 days.");
    expect(within(actions).getByRole("link", { name: "Generate questions" })).toHaveAttribute(
      "href",
      "/generate/SY0-701/2.4.1",
    );

    // The actions come first, under the heading, and promise what exists: three questions.
    expect(screen.getByRole("heading", { level: 2, name: "Study this sub-objective" })).toBe(
      screen.getAllByRole("heading", { level: 2 })[0],
    );
    expect(screen.getByText("3 questions", { selector: ".question-count" })).toBeInTheDocument();
    const practise = within(actions).getByRole("link", { name: "Practise" });
    expect(practise).toHaveAccessibleDescription(
      "3 questions on this sub-objective, every answer explained.",
    );
    await user.click(practise);
    expect(
      await screen.findByRole("heading", { level: 1, name: "2.4.1 Malware attacks" }),
    ).toBeInTheDocument();
    await questionShown(1);
  });

  it("says there is nothing to practise yet where a sub-objective has no question", async () => {
    const server = practiceServer();
    mockApi({ ...server.routes, ...detailRoute("2.4.2") });
    renderApp("/catalog/SY0-701/2.4/2.4.2");
    await screen.findByRole("heading", { level: 1, name: "Physical attacks" });
    const actions = screen.getByRole("region", { name: "Study this sub-objective" });
    expect(
      within(actions).getByText("No questions in English on this sub-objective yet."),
    ).toBeInTheDocument();
    expect(within(actions).queryByRole("link", { name: "Practise" })).not.toBeInTheDocument();
    expect(within(actions).queryByRole("button", { name: "Practise" })).not.toBeInTheDocument();
    // What exists instead: generating questions, the first action now.
    expect(within(actions).getByRole("link", { name: "Generate questions" })).toHaveClass(
      "btn--primary",
    );
    expect(screen.getByText("No questions yet", { selector: ".question-count" })).toBeVisible();
  });

  it("shows each sub-objective's mastery in the objective's list, and nothing to visitors", async () => {
    const server = practiceServer({
      mastery: [
        {
          subObjectiveId: 51,
          subObjectiveCode: "2.4.1",
          score: 18,
          level: "attempted",
          answered: 1,
          correct: 0,
          lastActivityAt: "2026-01-10T10:00:00Z",
          reviewDueAt: null,
        },
      ],
      language: "fr",
    });
    mockApi(server.routes);
    renderApp("/catalog/SY0-701/2.4", "fr");
    const list = await screen.findByRole("list", { name: "Sous-objectifs" });
    const [first, second] = within(list).getAllByRole("listitem") as [HTMLElement, HTMLElement];
    // findByText folds the non-breaking space into a plain one: check the exact text too.
    expect(
      (await within(first).findByText("Maîtrise : Abordé, score de 18 sur 100")).textContent,
    ).toBe("Maîtrise\u00a0: Abordé, score de 18 sur 100");
    expect(within(first).getByText("Abordé · 18")).toBeInTheDocument();
    expect(
      within(second).getByText("Maîtrise : Non commencé, score de 0 sur 100").textContent,
    ).toBe("Maîtrise\u00a0: Non commencé, score de 0 sur 100");
    // How many questions each has in French; the second has none yet.
    expect(within(first).getByText("3 questions")).toBeInTheDocument();
    expect(within(second).getByText("Pas encore de questions")).toBeInTheDocument();
  });

  it("does not ask visitors for their mastery", async () => {
    const server = practiceServer();
    const { calls } = mockApi({
      ...server.routes,
      "GET /api/auth/me": () =>
        new Response(JSON.stringify({ error: { code: "x", message: "x", fields: null } }), {
          status: 401,
          headers: { "Content-Type": "application/json" },
        }),
    });
    renderApp("/catalog/SY0-701/2.4", "fr");
    await screen.findByRole("list", { name: "Sous-objectifs" });
    await act(() => vi.advanceTimersByTimeAsync(20));
    expect(screen.queryByText(/Maîtrise/)).toBeNull();
    expect(calls.some((r) => r.url.includes("/api/progress/mastery"))).toBe(false);
  });
});

describe("the practice home", () => {
  it("lists due reviews and recently practised sub-objectives with Continue", async () => {
    const server = practiceServer({
      mastery: [
        {
          subObjectiveId: 51,
          subObjectiveCode: "2.4.1",
          score: 18,
          level: "attempted",
          answered: 1,
          correct: 0,
          lastActivityAt: "2026-01-10T10:00:00Z",
          reviewDueAt: "2026-01-10T10:10:00Z",
        },
      ],
    });
    mockApi({
      ...server.routes,
      "GET /api/reviews/due": () =>
        new Response(
          JSON.stringify({
            count: 1,
            items: [
              {
                questionId: 101,
                subObjectiveId: 51,
                subObjectiveCode: "2.4.1",
                dueAt: "2026-01-10T10:10:00Z",
                misconception: false,
                lapses: 1,
              },
            ],
          }),
          { status: 200, headers: { "Content-Type": "application/json" } },
        ),
    });
    renderApp("/");
    const user = setupUser();
    const nav = await screen.findByRole("navigation", { name: "Main navigation" });
    await user.click(await within(nav).findByRole("link", { name: "Practice" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Practice" })).toBeInTheDocument();
    expect(await screen.findByText("1 question is due for review.")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Review now" })).toHaveAttribute(
      "href",
      "/practice/SY0-701?mode=due",
    );
    expect(
      await screen.findByRole("link", { name: "Continue 2.4.1 Malware attacks" }),
    ).toHaveAttribute("href", PATH);
  });
});

import { act, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AnswerInput, AnswerResult, PracticeNext } from "@/api/types";
import { aQuestion, practiceServer } from "@/test/practice-fixtures";
import { aUser, json, mockApi, renderApp, setupUser } from "@/test/utils";

const PATH = "/practice/SY0-701/2.4.1";
const stem = (n: number) => `Question ${n}: which malware encrypts files and asks for a payment?`;

function setOnline(online: boolean) {
  Object.defineProperty(window.navigator, "onLine", { value: online, configurable: true });
  window.dispatchEvent(new Event(online ? "online" : "offline"));
}

afterEach(() => {
  Object.defineProperty(window.navigator, "onLine", { value: true, configurable: true });
});

describe("practice: the session's size is what exists", () => {
  it("counts one question as one, and the first answer ends it", async () => {
    const server = practiceServer({ questions: [aQuestion(1)] });
    mockApi(server.routes);
    renderApp(PATH);
    const user = setupUser();
    await screen.findByText(stem(1));
    expect(screen.getByText("Question 1 of 1")).toBeInTheDocument();
    expect(screen.getByRole("progressbar")).toHaveAttribute("max", "1");
    await user.keyboard("2{Enter}");
    await screen.findByRole("heading", { level: 2, name: "Correct!" });
    expect(screen.queryByRole("button", { name: "Next question" })).toBeNull();
    expect(screen.getByRole("button", { name: "See my results" })).toBeInTheDocument();
  });

  it("says an empty sub-objective is empty and offers generation, the objective and the study screen", async () => {
    const server = practiceServer({ questions: [], emptyBank: true });
    mockApi({
      ...server.routes,
      "GET /api/generation/availability": () => json({ available: true }),
    });
    renderApp(PATH);
    const empty = await screen.findByRole("region", {
      name: "No questions on this sub-objective yet",
    });
    expect(
      within(empty).getByText(/The question bank has nothing to practise on this subject/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/You have answered every question/)).toBeNull();
    expect(screen.queryByText(/Question \d+ of/)).toBeNull();
    expect(
      await within(empty).findByRole("link", { name: "Generate questions with AI" }),
    ).toHaveAttribute("href", "/generate/SY0-701/2.4.1");
    expect(
      within(empty).getByRole("link", { name: "Practise the whole objective 2.4" }),
    ).toHaveAttribute("href", "/practice/SY0-701/2.4");
    expect(within(empty).getByRole("link", { name: "Open the study screen" })).toHaveAttribute(
      "href",
      "/catalog/SY0-701/2.4/2.4.1",
    );
    // Nothing answered: no results to see.
    expect(within(empty).queryByRole("button", { name: "See my results" })).toBeNull();
  });

  it("offers no generation when the server cannot generate, in French", async () => {
    const server = practiceServer({ questions: [], emptyBank: true, language: "fr" });
    const { calls } = mockApi(server.routes);
    renderApp(PATH, "fr");
    const empty = await screen.findByRole("region", {
      name: "Pas encore de question sur ce sous-objectif",
    });
    await waitFor(() =>
      expect(calls.some((r) => r.url.endsWith("/api/generation/availability"))).toBe(true),
    );
    await act(() => vi.advanceTimersByTimeAsync(20));
    expect(within(empty).queryByRole("link", { name: /Générer/ })).toBeNull();
    expect(
      within(empty).getByRole("link", { name: "S’entraîner sur tout l’objectif 2.4" }),
    ).toBeInTheDocument();
    expect(
      within(empty).getByRole("link", { name: "Ouvrir la fiche d’étude" }),
    ).toBeInTheDocument();
  });

  it("claims nothing was answered when nothing was", async () => {
    const server = practiceServer({ questions: [] });
    mockApi(server.routes);
    renderApp(PATH);
    await screen.findByRole("heading", { level: 2, name: "No more questions here for now" });
    expect(screen.getByText("No question matches this practice right now.")).toBeInTheDocument();
    expect(screen.queryByText(/You have answered every question/)).toBeNull();
  });
});

describe("practice: what is on screen survives a reload and a language switch", () => {
  it("shows the same feedback again after a reload, then goes on", async () => {
    const server = practiceServer();
    mockApi(server.routes);
    const first = renderApp(PATH);
    const user = setupUser();
    await screen.findByText(stem(1));
    await user.keyboard("3{Enter}");
    await screen.findByRole("heading", { level: 2, name: "Incorrect" });
    first.unmount();

    // A new page load: the server gives back the answered question with its feedback.
    renderApp(PATH);
    expect(await screen.findByRole("heading", { level: 2, name: "Incorrect" })).toBeInTheDocument();
    expect(screen.getByText(stem(1))).toBeInTheDocument();
    expect(screen.getByText("Question 1 of 3")).toBeInTheDocument();
    expect(screen.getByText("General explanation 1.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Submit my answer" })).toBeNull();
    expect(server.answers).toHaveLength(1);

    const next = screen.getByRole("button", { name: "Next question" });
    expect(next.parentElement).toHaveClass("feedback__actions--sticky");
    await user.click(next);
    await screen.findByText(stem(2));
    expect(screen.getByText("Question 2 of 3")).toBeInTheDocument();
  });

  it("switching language shows the same question translated, with its feedback", async () => {
    const server = practiceServer();
    const french = aQuestion(1, {
      id: 201,
      language: "fr",
      stem: "Question 1 : quel logiciel malveillant chiffre les fichiers ?",
      choices: [1, 2, 3, 4].map((c) => ({ id: 210 + c, text: `Choix 1.${c}` })),
    });
    let answered: AnswerResult | null = null;
    const opened: { lang: string }[] = [];
    const open = server.routes["POST /api/practice/sessions"];
    const answer = server.routes["POST /api/practice/answers"];
    mockApi({
      ...server.routes,
      "PATCH /api/users/me": () => json({ ...aUser, language: "fr" }),
      "POST /api/practice/answers": async (request) => {
        const response = await answer?.(request);
        answered = (await response?.clone().json()) as AnswerResult;
        return response as Response;
      },
      "POST /api/practice/sessions": async (request) => {
        const body = (await request.clone().json()) as { lang: string };
        opened.push(body);
        if (body.lang !== "fr" || !answered) return open?.(request) as Promise<Response>;
        const result: AnswerResult = {
          ...answered,
          questionId: 201,
          choiceId: 213,
          correctChoiceId: 212,
          explanation: "Explication générale 1.",
          choiceExplanations: french.choices.map((choice) => ({
            choiceId: choice.id,
            isCorrect: choice.id === 212,
            explanation: `Pourquoi ${choice.text}.`,
          })),
        };
        const next: PracticeNext = {
          session: {
            id: "5e55e55e-0000-4000-8000-000000000001",
            mode: "mixed",
            answered: 1,
            correct: 0,
            target: 10,
            size: 3,
          },
          question: french,
          status: "answered",
          answer: result,
        };
        return json(next);
      },
    });
    renderApp(PATH);
    const user = setupUser();
    await screen.findByText(stem(1));
    await user.keyboard("3{Enter}");
    await screen.findByRole("heading", { level: 2, name: "Incorrect" });

    await user.click(screen.getByRole("button", { name: "Français" }));
    expect(await screen.findByText(/quel logiciel malveillant chiffre les fichiers/)).toHaveClass(
      "question__stem",
    );
    expect(screen.queryByText(stem(1))).toBeNull();
    expect(screen.getByRole("heading", { level: 2, name: "Mauvaise réponse" })).toBeInTheDocument();
    expect(screen.getByText("Explication générale 1.")).toBeInTheDocument();
    expect(screen.getByText("Pourquoi Choix 1.2.")).toBeInTheDocument();
    // The counter carries on: still the first of three, answered.
    expect(screen.getByText("Question 1 sur 3")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Question suivante" })).toBeInTheDocument();
    expect(opened.map((body) => body.lang)).toEqual(["en", "fr"]);
    expect(server.answers).toHaveLength(1);
  });
});

describe("practice: the summary lists every question", () => {
  it("shows each answer, the right one and the explanations", async () => {
    const server = practiceServer({ target: 2 });
    mockApi(server.routes);
    renderApp(PATH);
    const user = setupUser();
    await screen.findByText(stem(1));
    await user.keyboard("2{Enter}");
    await screen.findByRole("heading", { level: 2, name: "Correct!" });
    await user.click(screen.getByRole("button", { name: "Next question" }));
    await screen.findByText(stem(2));
    await user.keyboard("4{Enter}");
    await screen.findByRole("heading", { level: 2, name: "Incorrect" });
    await user.click(screen.getByRole("button", { name: "See my results" }));

    const section = await screen.findByRole("region", { name: "The questions of this session" });
    const items = [...section.querySelectorAll<HTMLElement>(":scope > ol > li")];
    expect(items).toHaveLength(2);
    const [right, wrong] = items as [HTMLElement, HTMLElement];
    expect(within(right).getByRole("heading", { level: 3, name: stem(1) })).toBeInTheDocument();
    expect(within(right).getByText("Correct")).toBeInTheDocument();
    expect(within(right).getByText("Question 1 of 2", { exact: false })).toBeInTheDocument();
    expect(within(wrong).getByText("Incorrect")).toBeInTheDocument();
    expect(within(wrong).getByText("Choice 2.4", { selector: "dd" })).toBeInTheDocument();
    expect(within(wrong).getByText("Choice 2.2", { selector: "dd" })).toBeInTheDocument();
    expect(within(wrong).getByText("General explanation 2.")).toBeInTheDocument();
    expect(within(wrong).getByText("Why Choice 2.4 is wrong.")).toBeInTheDocument();
    expect(within(wrong).getByText("Why Choice 2.2 is right.")).toBeInTheDocument();
  });
});

describe("practice: answering offline", () => {
  it("keeps the answer, says so, and sends it again with the same id when back online", async () => {
    const server = practiceServer();
    const answer = server.routes["POST /api/practice/answers"];
    const attempts: AnswerInput[] = [];
    mockApi({
      ...server.routes,
      "POST /api/practice/answers": async (request) => {
        attempts.push((await request.clone().json()) as AnswerInput);
        if (!navigator.onLine) throw new TypeError("Failed to fetch");
        return answer?.(request) as Promise<Response>;
      },
    });
    renderApp(PATH);
    const user = setupUser();
    await screen.findByText(stem(1));
    setOnline(false);
    await user.click(screen.getByRole("radio", { name: "Choice 1.2" }));
    await user.click(screen.getByRole("button", { name: "Submit my answer" }));

    expect(await screen.findByText("You are offline")).toBeInTheDocument();
    expect(
      screen.getByText(
        "Your answer is kept. It will be sent as soon as the connection is back, or when you press Retry.",
      ),
    ).toBeInTheDocument();
    // No endless spinner: the submit button is neither busy nor usable; the choice is kept.
    const submit = screen.getByRole("button", { name: "Submit my answer" });
    expect(submit).toBeDisabled();
    expect(submit).not.toHaveAttribute("aria-busy", "true");
    expect(screen.getByRole("radio", { name: "Choice 1.2" })).toBeChecked();
    expect(screen.getByRole("radio", { name: "Choice 1.2" })).toBeDisabled();

    // "Retry" while still offline: tried, still kept.
    await user.click(screen.getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(attempts).toHaveLength(2));
    expect(await screen.findByText("You are offline")).toBeInTheDocument();

    // Back online: sent again on its own, the same answer with the same id.
    await act(async () => setOnline(true));
    expect(await screen.findByRole("heading", { level: 2, name: "Correct!" })).toBeInTheDocument();
    expect(attempts).toHaveLength(3);
    const ids = new Set(attempts.map((item) => item.clientAnswerId));
    expect(ids.size).toBe(1);
    expect(attempts[2]).toEqual(attempts[0]);
    expect(server.answers).toHaveLength(1);
    expect(screen.queryByText("You are offline")).toBeNull();
  });
});

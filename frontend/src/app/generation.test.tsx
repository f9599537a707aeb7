import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { AnswerInput, GenerateInput, GenerationRun, User } from "@/api/types";
import { detailRoute } from "@/test/catalog-fixtures";
import { aQuestion, practiceServer } from "@/test/practice-fixtures";
import {
  aUser,
  errorResponse,
  type Handler,
  json,
  mockApi,
  renderApp,
  setupUser,
} from "@/test/utils";

const PATH = "/generate/SY0-701/2.4.1";
const RUN_ID = "7e57a000-0000-4000-8000-000000000001";
const RUN_PATH = `/api/generation/runs/${RUN_ID}`;

const NEAR_DUPLICATE = "It was almost the same as a question already in the bank.";
const ai = (n: number) => aQuestion(n, { source: "generated", aiUnreviewed: true });

function aRun(extra: Partial<GenerationRun> = {}): GenerationRun {
  return {
    id: RUN_ID,
    status: "running",
    stage: "writing",
    elapsedMs: 0,
    subObjectiveId: 51,
    language: "en",
    difficulty: 3,
    requested: 3,
    accepted: 0,
    rejected: 0,
    fromCache: false,
    error: null,
    rejections: [],
    questions: [],
    ...extra,
  };
}

/** The practice API (answers) plus generation; each poll returns the next run in `runs`. */
function generationServer({
  runs = [aRun()],
  start,
  cancel,
  user = aUser,
}: {
  runs?: GenerationRun[];
  start?: Handler;
  cancel?: Handler;
  user?: User;
} = {}) {
  const practice = practiceServer({ questions: [ai(1), ai(2), ai(3)] });
  const starts: GenerateInput[] = [];
  let polls = 0;
  let cancels = 0;
  const routes: Record<string, Handler> = {
    ...practice.routes,
    ...detailRoute("2.4.1"),
    "GET /api/auth/me": () => json(user),
    "POST /api/generation/runs": async (request) => {
      starts.push((await request.clone().json()) as GenerateInput);
      if (start) return start(request);
      return json({ runId: RUN_ID, status: "queued", fromCache: false }, 202);
    },
    [`GET ${RUN_PATH}`]: () => {
      const run = runs[Math.min(polls, runs.length - 1)] as GenerationRun;
      polls += 1;
      return json(run);
    },
    [`POST ${RUN_PATH}/cancel`]: (request) => {
      cancels += 1;
      return cancel ? cancel(request) : errorResponse(409, "run_finished", "Already ended.");
    },
  };
  return {
    routes,
    starts,
    answers: practice.answers,
    polls: () => polls,
    cancels: () => cancels,
  };
}

describe("generate questions", () => {
  it("starts a run, polls until a final status, lists questions as they arrive", async () => {
    const server = generationServer({
      runs: [
        aRun({ status: "queued", stage: "queued" }),
        aRun({ accepted: 1, questions: [ai(1)] }),
        aRun({
          status: "partial",
          stage: null,
          accepted: 2,
          rejected: 1,
          rejections: [{ reason: "near_duplicate", count: 1, message: NEAR_DUPLICATE }],
          questions: [ai(1), ai(2)],
        }),
      ],
    });
    // The run is polled once a second on the fake clock: findBy* moves it on while it waits, so the
    // polls come as fast as the machine allows and never depend on how busy it is.
    mockApi(server.routes);
    renderApp(PATH);
    const user = setupUser();

    expect(
      await screen.findByRole("heading", { level: 1, name: "2.4.1 Malware attacks" }),
    ).toBeInTheDocument();
    expect(screen.getByText(/They are not real exam questions/)).toBeInTheDocument();
    // Learners are not offered "force".
    expect(screen.queryByRole("checkbox", { name: "Force a new generation" })).toBeNull();

    await user.click(screen.getByRole("radio", { name: /Hard$/ }));
    const count = screen.getByRole("spinbutton", { name: "Number of questions" });
    expect(count).toHaveValue(5);
    await user.clear(count);
    await user.type(count, "3");
    await user.click(screen.getByRole("button", { name: "Generate the questions" }));

    await screen.findByText("Waiting to start…");
    expect(server.starts).toEqual([
      { subObjectiveId: 51, lang: "en", difficulty: 4, count: 3, force: false },
    ]);

    await screen.findByText(ai(1).stem, {}, { timeout: 3000 });
    expect(screen.getByText("1 of 3 ready")).toBeInTheDocument();
    await screen.findByText(ai(2).stem, {}, { timeout: 3000 });
    expect(screen.getByText("2 of 3 ready")).toBeInTheDocument();
    expect(screen.getByText("1 question rejected by the quality checks")).toBeInTheDocument();
    expect(
      screen.getByText("Done: some questions did not pass the quality checks."),
    ).toBeInTheDocument();
    expect(screen.getAllByText("AI · not yet reviewed")).toHaveLength(2);
    // No answer is shown before answering.
    expect(screen.queryByText("Right answer")).toBeNull();
    expect(screen.queryByText(/Choice 1\./)).toBeNull();

    // Polling stops at the final status.
    const polls = server.polls();
    expect(polls).toBe(3);
    await act(() => vi.advanceTimersByTimeAsync(1500));
    expect(server.polls()).toBe(polls);
    expect(screen.getByRole("button", { name: "Generate more questions" })).toBeInTheDocument();
  }, 10_000);

  it("answers a generated question right away, as practice does", async () => {
    const server = generationServer({
      runs: [aRun({ status: "succeeded", accepted: 3, questions: [ai(1), ai(2), ai(3)] })],
    });
    mockApi(server.routes);
    renderApp(`${PATH}?run=${RUN_ID}`);
    const user = setupUser();

    await screen.findByText(ai(3).stem);
    await user.click(screen.getByRole("button", { name: "Answer question 2" }));
    expect(screen.getByText("Question 2 of 3")).toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "Choice 2.2" }));
    await user.click(screen.getByRole("button", { name: "Submit my answer" }));
    expect(await screen.findByRole("heading", { level: 2, name: "Correct!" })).toBeInTheDocument();
    const [sent] = server.answers as [AnswerInput];
    expect(sent).toMatchObject({ questionId: 102, choiceId: 22, sessionId: null });

    await user.click(screen.getByRole("button", { name: "Next question" }));
    expect(await screen.findByText("Question 3 of 3")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Back to the list" }));
    const list = await screen.findByRole("list", { name: "Your questions" });
    expect(within(list).getByText("Answered: correct")).toBeInTheDocument();
  });

  it("says clearly when generation is not enabled on the server (503)", async () => {
    const server = generationServer({
      start: () =>
        errorResponse(503, "generation_unavailable", "Question generation is not available."),
    });
    mockApi(server.routes);
    renderApp(PATH);
    const user = setupUser();
    await user.click(await screen.findByRole("button", { name: "Generate the questions" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("Question generation is not enabled")).toBeInTheDocument();
    expect(within(alert).getByText(/setting OPENAI_API_KEY \(or OPENAI_BASE_URL/)).toBeVisible();
    expect(
      within(alert).getByText("Practice with the existing question bank still works."),
    ).toBeInTheDocument();
    expect(
      within(alert).getByRole("link", { name: "Practise this sub-objective" }),
    ).toHaveAttribute("href", "/practice/SY0-701/2.4.1");
  });

  it("shows the quota message and when generation is possible again (429)", async () => {
    const server = generationServer({
      start: () =>
        json(
          { error: { code: "generation_quota", message: "Daily quota reached.", fields: null } },
          429,
          { "Retry-After": "600" },
        ),
    });
    mockApi(server.routes);
    renderApp(PATH);
    const user = setupUser();
    await user.click(await screen.findByRole("button", { name: "Generate the questions" }));
    const alert = await screen.findByRole("alert");
    expect(within(alert).getByText("Daily quota reached.")).toBeInTheDocument();
    expect(within(alert).getByText(/You can generate again at \d\d:\d\d/)).toBeInTheDocument();
  });

  it("offers teachers and admins to force a new generation; says when from the bank", async () => {
    const server = generationServer({
      user: { ...aUser, role: "teacher" },
      runs: [aRun({ status: "succeeded", fromCache: true, accepted: 3, questions: [ai(1)] })],
    });
    mockApi(server.routes);
    renderApp(PATH);
    const user = setupUser();
    await user.click(await screen.findByRole("checkbox", { name: "Force a new generation" }));
    await user.click(screen.getByRole("button", { name: "Generate the questions" }));
    expect(
      await screen.findByText("Answered from the existing bank, no AI call."),
    ).toBeInTheDocument();
    expect(server.starts[0]).toMatchObject({ force: true, count: 5, difficulty: 3 });
  });

  it("makes the study screen's Generate action a link for signed-in learners", async () => {
    const server = generationServer();
    mockApi(server.routes);
    renderApp("/catalog/SY0-701/2.4/2.4.1");
    const link = await screen.findByRole("link", { name: "Generate questions" });
    expect(link).toHaveAttribute("href", PATH);
    await waitFor(() => expect(screen.getByText(/Original AI-written/)).toBeInTheDocument());
  });
});

describe("waiting on a run", () => {
  it("shows what the run is doing and the time it has taken, ticking every second", async () => {
    let now = 0;
    const server = generationServer();
    // The server's clock: 62 s since the request at the first poll, and on from there.
    const startedAt = Date.now();
    server.routes[`GET ${RUN_PATH}`] = () => {
      now = Date.now() - startedAt;
      return json(aRun({ accepted: 1, rejected: 1, questions: [ai(1)], elapsedMs: 62_000 + now }));
    };
    mockApi(server.routes);
    renderApp(`${PATH}?run=${RUN_ID}`);

    expect(await screen.findByText("The AI is writing question 3 of 3…")).toBeInTheDocument();
    expect(screen.getByRole("timer")).toHaveTextContent("Elapsed time: 1:02");
    await act(() => vi.advanceTimersByTimeAsync(3000));
    expect(screen.getByRole("timer")).toHaveTextContent("Elapsed time: 1:05");
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(screen.getByRole("timer")).toHaveTextContent("Elapsed time: 2:05");
    expect(screen.getByRole("button", { name: "Cancel the generation" })).toBeInTheDocument();
  });

  it("keeps counting between polls from the server's figure, not the device's clock", async () => {
    // One poll only (it then fails): the time goes on from the server's 10 s, in the device's
    // seconds, whatever the device's date.
    let polls = 0;
    const server = generationServer();
    server.routes[`GET ${RUN_PATH}`] = () => {
      polls += 1;
      return polls === 1
        ? json(aRun({ stage: "waiting", elapsedMs: 10_000 }))
        : new Promise<Response>(() => undefined); // the next poll never answers
    };
    mockApi(server.routes);
    renderApp(`${PATH}?run=${RUN_ID}`);
    expect(
      await screen.findByText("The AI has the request; waiting for its first words…"),
    ).toBeInTheDocument();
    expect(screen.getByRole("timer")).toHaveTextContent("Elapsed time: 0:10");
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(screen.getByRole("timer")).toHaveTextContent("Elapsed time: 0:15");
  });

  it("cancels: one message, the questions already written stay, polling stops", async () => {
    const cancelled = aRun({
      status: "cancelled",
      stage: null,
      accepted: 1,
      elapsedMs: 20_000,
      questions: [ai(1)],
      error: {
        code: "cancelled",
        message: "You cancelled the generation. The 1 question already written is kept.",
      },
    });
    const server = generationServer({
      runs: [aRun({ accepted: 1, questions: [ai(1)], elapsedMs: 19_000 })],
      cancel: () => json(cancelled),
    });
    mockApi(server.routes);
    renderApp(`${PATH}?run=${RUN_ID}`);
    const user = setupUser();

    await user.click(await screen.findByRole("button", { name: "Cancel the generation" }));
    expect(
      await screen.findAllByText(
        "You cancelled the generation. The 1 question already written is kept.",
      ),
    ).toHaveLength(1);
    expect(server.cancels()).toBe(1);
    expect(screen.queryByRole("button", { name: "Cancel the generation" })).toBeNull();
    expect(screen.queryByRole("timer")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByText(/No question could be written/)).toBeNull();
    expect(screen.getByText(ai(1).stem)).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Generate more questions" })).toBeInTheDocument();
    const polls = server.polls();
    await act(() => vi.advanceTimersByTimeAsync(3000));
    expect(server.polls()).toBe(polls);
  });

  it("a cancel that comes too late (409) shows how the run ended, with no second message", async () => {
    let done = false;
    const server = generationServer();
    server.routes[`GET ${RUN_PATH}`] = () =>
      json(
        done
          ? aRun({
              status: "succeeded",
              stage: null,
              accepted: 3,
              questions: [ai(1), ai(2), ai(3)],
            })
          : aRun(),
      );
    server.routes[`POST ${RUN_PATH}/cancel`] = () => {
      done = true;
      return errorResponse(409, "run_finished", "This generation has already ended.");
    };
    mockApi(server.routes);
    renderApp(`${PATH}?run=${RUN_ID}`);
    const user = setupUser();
    await user.click(await screen.findByRole("button", { name: "Cancel the generation" }));
    expect(await screen.findByText("All the questions are ready.")).toBeInTheDocument();
    expect(screen.queryByText("This generation has already ended.")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("a failed run says why once, not beside a second message that disagrees", async () => {
    const server = generationServer({
      runs: [
        aRun({
          status: "failed",
          stage: null,
          error: {
            code: "quota_exhausted",
            message:
              "The AI service has no credit left. Practice from the question bank still works.",
          },
        }),
      ],
    });
    mockApi(server.routes);
    renderApp(`${PATH}?run=${RUN_ID}`);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent(
      "The AI service has no credit left. Practice from the question bank still works.",
    );
    expect(screen.getAllByRole("alert")).toHaveLength(1);
    expect(screen.queryByText("The generation failed.")).toBeNull();
    expect(screen.queryByText(/No question could be written/)).toBeNull();
    expect(screen.queryByText(/Try again, perhaps/)).toBeNull();
    expect(screen.queryByRole("button", { name: "Cancel the generation" })).toBeNull();
  });

  it("a run that stopped part-way says so once, instead of blaming the quality checks", async () => {
    const server = generationServer({
      runs: [
        aRun({
          status: "partial",
          stage: null,
          accepted: 1,
          questions: [ai(1)],
          error: {
            code: "timeout",
            message:
              "The AI stopped before the end. The 1 question that passed our checks is kept.",
          },
        }),
      ],
    });
    mockApi(server.routes);
    renderApp(`${PATH}?run=${RUN_ID}`);
    expect(
      await screen.findByText(
        "The AI stopped before the end. The 1 question that passed our checks is kept.",
      ),
    ).toBeInTheDocument();
    expect(screen.queryByText("Done: some questions did not pass the quality checks.")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("tells why questions were left out, in plain words and never as codes", async () => {
    const server = generationServer({
      runs: [
        aRun({
          status: "partial",
          stage: null,
          requested: 5,
          accepted: 1,
          rejected: 4,
          questions: [ai(1)],
          error: {
            code: "some_rejected",
            message: "Some generated questions did not pass our quality checks and were left out.",
          },
          rejections: [
            {
              reason: "wrong_language",
              count: 2,
              message: "It was written in the wrong language.",
            },
            {
              reason: "overlapping_options",
              count: 1,
              message: "Two answers said the same thing, so more than one could be right.",
            },
            { reason: "not_delivered", count: 1, message: "The AI stopped before writing it." },
          ],
        }),
      ],
    });
    mockApi(server.routes);
    const { container } = renderApp(`${PATH}?run=${RUN_ID}`);
    expect(
      await screen.findByText("3 questions rejected by the quality checks"),
    ).toBeInTheDocument();
    expect(
      screen.getByText("It was written in the wrong language. (2 questions)"),
    ).toBeInTheDocument();
    expect(
      screen.getByText("Two answers said the same thing, so more than one could be right."),
    ).toBeInTheDocument();
    expect(
      screen.getByText("1 question was never written: the AI stopped early."),
    ).toBeInTheDocument();
    expect(container.textContent).not.toMatch(/wrong_language|overlapping_options|not_delivered/);
  });

  it("speaks French: the stage, the time and Cancel", async () => {
    const server = generationServer({
      user: { ...aUser, language: "fr" },
      runs: [aRun({ stage: "checking", accepted: 1, questions: [ai(1)], elapsedMs: 75_000 })],
    });
    mockApi(server.routes);
    renderApp(`${PATH}?run=${RUN_ID}`, "fr");
    expect(
      await screen.findByText("Vérification de la question 2 selon nos règles de qualité…"),
    ).toBeInTheDocument();
    expect(screen.getByRole("timer").textContent).toBe("Temps écoulé\u00a0: 1:15");
    expect(screen.getByRole("button", { name: "Annuler la génération" })).toBeInTheDocument();
  });

  it("a lost poll says so once and offers to retry, without a stale 'writing' line", async () => {
    let fail = true;
    const server = generationServer();
    let polls = 0;
    server.routes[`GET ${RUN_PATH}`] = () => {
      polls += 1;
      if (polls > 1 && fail) return errorResponse(503, "service_unavailable", "Try again soon.");
      return json(polls > 1 ? aRun({ status: "succeeded", stage: null, accepted: 3 }) : aRun());
    };
    mockApi(server.routes);
    renderApp(`${PATH}?run=${RUN_ID}`);
    const user = setupUser();
    await screen.findByText("The AI is writing question 1 of 3…");
    const alert = await screen.findByRole("alert", {}, { timeout: 3000 });
    expect(alert).toHaveTextContent("The progress of the generation could not be loaded.");
    expect(alert).toHaveTextContent("Try again soon.");
    expect(screen.queryByText("The AI is writing question 1 of 3…")).toBeNull();
    expect(screen.queryByRole("timer")).toBeNull();
    fail = false;
    await user.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("All the questions are ready.")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
  });
});

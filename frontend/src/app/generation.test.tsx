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

const ai = (n: number) => aQuestion(n, { source: "generated", aiUnreviewed: true });

function aRun(extra: Partial<GenerationRun> = {}): GenerationRun {
  return {
    id: RUN_ID,
    status: "running",
    subObjectiveId: 51,
    language: "en",
    difficulty: 3,
    requested: 3,
    accepted: 0,
    rejected: 0,
    fromCache: false,
    error: null,
    questions: [],
    ...extra,
  };
}

/** The practice API (answers) plus generation; each poll returns the next run in `runs`. */
function generationServer({
  runs = [aRun()],
  start,
  user = aUser,
}: {
  runs?: GenerationRun[];
  start?: Handler;
  user?: User;
} = {}) {
  const practice = practiceServer({ questions: [ai(1), ai(2), ai(3)] });
  const starts: GenerateInput[] = [];
  let polls = 0;
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
  };
  return { routes, starts, answers: practice.answers, polls: () => polls };
}

describe("generate questions", () => {
  it("starts a run, polls until a final status, lists questions as they arrive", async () => {
    const server = generationServer({
      runs: [
        aRun({ status: "queued" }),
        aRun({ accepted: 1, questions: [ai(1)] }),
        aRun({ status: "partial", accepted: 2, rejected: 1, questions: [ai(1), ai(2)] }),
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

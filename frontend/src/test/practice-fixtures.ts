import type {
  AnswerInput,
  AnswerResult,
  ExamTree,
  Mastery,
  PracticeNext,
  PracticeQuestion,
  SessionSummary,
} from "@/api/types";
import { anExam, catalogApi, domains, objectives, subObjectives } from "./catalog-fixtures";
import { aUser, type Handler, json } from "./utils";

type Lang = "fr" | "en";
const langOf = (request: Request): Lang =>
  new URL(request.url).searchParams.get("lang") === "fr" ? "fr" : "en";

export function examTree(lang: Lang): ExamTree {
  return {
    exam: anExam(),
    domains: domains(lang).map(({ objectiveCount: _count, ...domain }) => ({
      ...domain,
      objectives: objectives(lang)
        .filter((objective) => objective.domainCode === domain.code)
        .map(({ subObjectiveCount: _s, domainCode: _d, ...objective }) => ({
          ...objective,
          subObjectives: subObjectives(lang)
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

/** Three questions on 2.4.1 (sub-objective id 51); the right answer is always the second. */
export function aQuestion(n: number, extra: Partial<PracticeQuestion> = {}): PracticeQuestion {
  return {
    id: 100 + n,
    groupId: `00000000-0000-4000-8000-00000000000${n}`,
    subObjectiveId: 51,
    subObjectiveCode: "2.4.1",
    language: "en",
    stem: `Question ${n}: which malware encrypts files and asks for a payment?`,
    difficulty: 2,
    source: "manual",
    aiUnreviewed: false,
    flagged: false,
    choices: [1, 2, 3, 4].map((c) => ({ id: n * 10 + c, text: `Choice ${n}.${c}` })),
    ...extra,
  };
}

export const RIGHT = (n: number) => n * 10 + 2;

export interface PracticeServer {
  routes: Record<string, Handler>;
  answers: AnswerInput[];
  state: { answered: number; correct: number; finished: boolean };
}

/**
 * A fake practice API keeping a session like the server does: opening it again gives the
 * question on screen ("resumed"), or once answered the same with its feedback ("answered") until
 * `advance`; its size is what exists (the target or fewer); answers are idempotent on
 * clientAnswerId; finish returns the summary with every question answered.
 */
export function practiceServer({
  questions = [aQuestion(1), aQuestion(2), aQuestion(3)],
  target = 10,
  mastery = [] as Mastery[],
  language = "en" as Lang,
  emptyBank = false,
}: {
  questions?: PracticeQuestion[];
  target?: number;
  mastery?: Mastery[];
  language?: Lang;
  /** No question at all on the scope ("no_questions"), rather than none matching the mode. */
  emptyBank?: boolean;
} = {}): PracticeServer {
  const state = { answered: 0, correct: 0, finished: false };
  const answers: AnswerInput[] = [];
  const results = new Map<string, AnswerResult>();
  /** The answer to the question on screen, when it is answered. */
  let onScreen: AnswerResult | null = null;
  const given: { question: PracticeQuestion; result: AnswerResult; confidence: string | null }[] =
    [];
  let index = 0;
  let level: Mastery["level"] = "not_started";
  let score = 0;
  const session = () => ({ id: "5e55e55e-0000-4000-8000-000000000001", mode: "mixed", target });

  const next = (advance: boolean): PracticeNext => {
    const size = Math.min(target, questions.length);
    const progress = { ...session(), answered: state.answered, correct: state.correct, size };
    if (onScreen && !advance) {
      const question = questions[index - 1] ?? null;
      return { session: progress, question, status: "answered", answer: onScreen };
    }
    onScreen = null;
    if (state.answered >= target) {
      return { session: progress, question: null, status: "session_complete" };
    }
    const question = questions[index];
    if (!question) {
      const status = emptyBank ? "no_questions" : "nothing_left";
      return { session: progress, question: null, status };
    }
    return { session: progress, question, status: "question" };
  };

  const summary = (): SessionSummary => ({
    ...session(),
    language,
    startedAt: "2026-01-10T10:00:00Z",
    finishedAt: "2026-01-10T10:01:05Z",
    answered: state.answered,
    correct: state.correct,
    timeSpentMs: 65_000,
    masteryChanges: state.answered
      ? [
          {
            subObjectiveId: 51,
            subObjectiveCode: "2.4.1",
            scoreBefore: 0,
            levelBefore: "not_started",
            scoreAfter: score,
            levelAfter: level,
          },
        ]
      : [],
    questions: given.map(({ question, result, confidence }) => ({
      questionId: question.id,
      subObjectiveId: question.subObjectiveId,
      subObjectiveCode: question.subObjectiveCode,
      language,
      stem: question.stem,
      choices: question.choices,
      choiceId: result.choiceId,
      isCorrect: result.isCorrect,
      correctChoiceId: result.correctChoiceId,
      confidence: confidence as "low" | "medium" | "high" | null,
      explanation: result.explanation,
      choiceExplanations: result.choiceExplanations,
      answeredAt: result.answeredAt,
    })),
  });

  const routes: Record<string, Handler> = {
    ...catalogApi(),
    "GET /api/auth/me": () => json({ ...aUser, language }),
    "GET /api/catalog/exams/SY0-701/tree": (request) => json(examTree(langOf(request))),
    "GET /api/progress/mastery": () => json(mastery),
    "GET /api/reviews/due": () => json({ count: 0, items: [] }),
    "POST /api/practice/sessions": async (request) => {
      const body = (await request.json()) as { advance?: boolean };
      return json(next(body.advance ?? false));
    },
    "POST /api/practice/answers": async (request) => {
      const body = (await request.json()) as AnswerInput;
      answers.push(body);
      const known = results.get(body.clientAnswerId);
      if (known) return json(known);
      const question = questions.find((item) => item.id === body.questionId);
      if (!question)
        return json(
          { error: { code: "not_found", message: "Unknown question.", fields: null } },
          404,
        );
      const n = question.id - 100;
      const isCorrect = body.choiceId === RIGHT(n);
      const previous = { level, score };
      state.answered += 1;
      state.correct += isCorrect ? 1 : 0;
      index += 1;
      level = "attempted";
      score += isCorrect ? 20 : 8;
      const result: AnswerResult = {
        questionId: question.id,
        choiceId: body.choiceId,
        isCorrect,
        correctChoiceId: RIGHT(n),
        explanation: `General explanation ${n}.`,
        choiceExplanations: question.choices.map((choice) => ({
          choiceId: choice.id,
          isCorrect: choice.id === RIGHT(n),
          explanation: `Why ${choice.text} is ${choice.id === RIGHT(n) ? "right" : "wrong"}.`,
        })),
        mastery: {
          subObjectiveId: 51,
          subObjectiveCode: "2.4.1",
          score,
          level,
          previousScore: previous.score,
          previousLevel: previous.level,
        },
        misconception: !isCorrect && body.confidence === "high",
        nextReviewAt: new Date(Date.now() + 3 * 24 * 3600 * 1000 + 60_000).toISOString(),
        answeredAt: new Date().toISOString(),
      };
      results.set(body.clientAnswerId, result);
      onScreen = result;
      given.push({ question, result, confidence: body.confidence ?? null });
      return json(result);
    },
    "POST /api/practice/sessions/5e55e55e-0000-4000-8000-000000000001/finish": () => {
      state.finished = true;
      return json(summary());
    },
    "GET /api/practice/sessions/5e55e55e-0000-4000-8000-000000000001": () => json(summary()),
    "GET /api/generation/availability": () => json({ available: false }),
  };
  for (const question of questions) {
    routes[`POST /api/practice/questions/${question.id}/reports`] = async (request) => {
      const body = (await request.json()) as { reason: string };
      return json({ id: 1, reason: body.reason, createdAt: "2026-01-10T10:00:00Z" }, 201);
    };
    routes[`DELETE /api/practice/flags/${question.id}`] = () => json(null, 204);
  }
  routes["POST /api/practice/flags"] = async (request) => {
    const body = (await request.json()) as { questionId: number };
    return json({ questionId: body.questionId, flagged: true }, 201);
  };
  return { routes, answers, state };
}

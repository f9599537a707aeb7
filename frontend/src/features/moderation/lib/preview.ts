import type { AnswerResult, Confidence, ModerationItem, PracticeQuestion } from "@/api/types";

/** What a learner is shown before answering: the practice shape, with no answer in it. */
export type LearnerQuestion = Pick<PracticeQuestion, "id" | "stem" | "aiUnreviewed" | "choices">;

/**
 * The part of the server's answer (POST /api/practice/answers) that depends on the question alone.
 * Mastery and the next review depend on the learner's history, so the preview has none.
 */
export type PreviewResult = Pick<
  AnswerResult,
  "choiceId" | "isCorrect" | "correctChoiceId" | "explanation" | "choiceExplanations"
> & { misconception: boolean };

/**
 * A Fisher–Yates shuffle of the choice ids. Learners get a server-side shuffle, stable per learner
 * and question; the preview draws one order when it opens and keeps it while it stays open.
 */
export function shuffledChoiceIds(
  item: Pick<ModerationItem, "choices">,
  random: () => number = Math.random,
): number[] {
  const ids = item.choices.map((choice) => choice.id);
  for (let i = ids.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j] as number, ids[i] as number];
  }
  return ids;
}

/** Same rule as the server's `is_ai_unreviewed`: the badge learners see on such questions. */
const isAiUnreviewed = (item: ModerationItem) =>
  item.source === "generated" && item.status === "pending_review";

/**
 * The review item as the practice screen receives it: choices in `order` (ids not in it, say
 * after a refresh of the queue, come last in stored order), without `isCorrect` or explanations.
 */
export function toLearnerQuestion(item: ModerationItem, order: readonly number[]): LearnerQuestion {
  const rank = (id: number) => {
    const index = order.indexOf(id);
    return index === -1 ? order.length : index;
  };
  return {
    id: item.id,
    stem: item.stem,
    aiUnreviewed: isAiUnreviewed(item),
    choices: [...item.choices]
      .sort((a, b) => rank(a.id) - rank(b.id))
      .map((choice) => ({ id: choice.id, text: choice.text })),
  };
}

/**
 * The feedback the server would send for this choice, computed from the review item: nothing is
 * sent or recorded. A wrong answer given as "sure" is a misconception, as on the server (which
 * also remembers earlier ones; a preview has no history).
 */
export function previewAnswer(
  item: ModerationItem,
  choiceId: number,
  confidence: Confidence | null,
): PreviewResult {
  const correct = item.choices.find((choice) => choice.isCorrect);
  const isCorrect = correct?.id === choiceId;
  return {
    choiceId,
    isCorrect,
    correctChoiceId: correct?.id ?? 0,
    explanation: item.explanation,
    choiceExplanations: item.choices.map((choice) => ({
      choiceId: choice.id,
      isCorrect: choice.isCorrect,
      explanation: choice.explanation,
    })),
    misconception: !isCorrect && confidence === "high",
  };
}

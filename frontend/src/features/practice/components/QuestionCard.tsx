import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type {
  AnswerInput,
  AnswerResult,
  Confidence,
  PracticeProgress,
  PracticeQuestion,
} from "@/api/types";
import { Alert, Button } from "@/components/ui";
import { StudyNoteLink } from "@/features/catalog";
import { useLevelName } from "@/features/progress";
import { ApiError, NetworkError } from "@/lib/api-error";
import { keepPunctuation } from "@/lib/format";
import { errorMessage } from "@/lib/forms";
import { useSubmitAnswer } from "../api/queries";
import { formatUpcoming } from "../lib/format";
import { useOnline } from "../lib/online";
import { useActiveTimer } from "../lib/timer";
import { newUuid } from "../lib/uuid";
import { FlagToggle } from "./FlagToggle";
import styles from "./QuestionCard.module.css";
import {
  ChoiceForm,
  FeedbackAnnouncement,
  FeedbackSection,
  handleQuestionKey,
} from "./QuestionParts";
import questionPartsStyles from "./QuestionParts.module.css";
import { ReportQuestion } from "./ReportDialog";

/** "Question 3 of 10" (the one on screen) and a bar of the questions answered. */
function SessionProgressBar({
  current,
  done,
  target,
}: {
  current: number;
  done: number;
  target: number;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="practice-progress">
      <p className="practice-progress__label" id={id}>
        {t("practice.progress.count", { current, target })}
      </p>
      <progress
        className="practice-progress__bar"
        max={target}
        value={Math.min(done, target)}
        aria-labelledby={id}
      />
    </div>
  );
}

function Feedback({
  question,
  result,
  headingRef,
  isLast,
  lastLabel,
  onNext,
  nextPending,
}: {
  question: PracticeQuestion;
  result: AnswerResult;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  isLast: boolean;
  lastLabel: string | undefined;
  onNext: () => void;
  nextPending: boolean;
}) {
  const { t, i18n } = useTranslation();
  const levelName = useLevelName();
  const { mastery } = result;

  return (
    <FeedbackSection choices={question.choices} result={result} headingRef={headingRef} level={2}>
      <div
        className={`${questionPartsStyles.feedback__block} ${questionPartsStyles.feedback__mastery}`}
      >
        <h3 className={`${questionPartsStyles.feedback__subtitle} feedback__subtitle`}>
          {t("practice.feedback.masteryTitle", { code: mastery.subObjectiveCode })}
        </h3>
        <p className={questionPartsStyles.feedback__level}>
          {t("practice.feedback.levelChange", {
            from: levelName(mastery.previousLevel),
            to: levelName(mastery.level),
          })}
        </p>
        <p className={questionPartsStyles.feedback__score}>
          {t("practice.feedback.scoreChange", {
            from: mastery.previousScore,
            to: mastery.score,
          })}
        </p>
        <p className={questionPartsStyles.feedback__review}>
          {t("practice.feedback.nextReview", {
            when: formatUpcoming(result.nextReviewAt, i18n.language),
          })}
        </p>
        {result.isCorrect ? null : <StudyNoteLink subObjectiveCode={mastery.subObjectiveCode} />}
      </div>

      {/* Sticky: on a phone the way on stays in reach while the explanations scroll by. */}
      <div className="feedback__actions feedback__actions--sticky">
        <Button onClick={onNext} loading={nextPending} block>
          {isLast ? (lastLabel ?? t("practice.actions.results")) : t("practice.actions.next")}
        </Button>
      </div>
    </FeedbackSection>
  );
}

/** Where the question stands: a practice session, or a list without one (`id` null). */
export type QuestionProgress = Pick<PracticeProgress, "answered" | "target"> & {
  id: string | null;
};

/**
 * One question: choices (keys 1–5), an optional confidence, submit (Enter); then the feedback
 * with every choice explained, and "next" (Enter). "Review later" and "Report" all along.
 * Used by practice sessions and by freshly generated questions (no session, `progress.id` null).
 */
export function QuestionCard({
  question,
  progress,
  autoFocus,
  onNext,
  nextPending,
  lastLabel,
  onAnswered,
  initialResult = null,
}: {
  question: PracticeQuestion;
  /** `answered`: the answers before this question (not counting it, even when answered). */
  progress: QuestionProgress;
  /** Focus the stem on mount (every question after the first of the visit). */
  autoFocus: boolean;
  /** `last` when this answer completes the session. */
  onNext: (last: boolean) => void;
  nextPending: boolean;
  /** The label of the button after the last answer ("See my results" by default). */
  lastLabel?: string;
  /** Told of each recorded answer. */
  onAnswered?: (result: AnswerResult) => void;
  /** The feedback of an answer already recorded (the server gives it back after a reload). */
  initialResult?: AnswerResult | null;
}) {
  const { t } = useTranslation();
  const id = useId();
  const elapsed = useActiveTimer();
  const answer = useSubmitAnswer();
  const [selected, setSelected] = useState<number | null>(null);
  const [confidence, setConfidence] = useState<Confidence | null>(null);
  /** The answer being sent: sent again as is (same clientAnswerId) to retry. */
  const [attempt, setAttempt] = useState<AnswerInput | null>(null);
  const [result, setResult] = useState<AnswerResult | null>(initialResult);
  const online = useOnline();
  const stem = useRef<HTMLParagraphElement | null>(null);
  const feedbackHeading = useRef<HTMLHeadingElement | null>(null);
  const radios = useRef(new Map<number, HTMLInputElement | null>());

  const done = progress.answered + (result ? 1 : 0);
  const isLast = progress.answered + 1 >= progress.target;

  // biome-ignore lint/correctness/useExhaustiveDependencies: on mount only.
  useEffect(() => {
    if (autoFocus) stem.current?.focus();
  }, []);

  // Focus the feedback when it follows an answer, or when the screen opens on it after the first
  // question of the visit; not on a first load (focus stays at the top of the page).
  const shownResult = useRef(autoFocus ? null : initialResult);
  useEffect(() => {
    if (result && result !== shownResult.current) feedbackHeading.current?.focus();
  }, [result]);

  const send = useCallback(
    (body: AnswerInput) => {
      setAttempt(body);
      answer.mutate(body, {
        onSuccess: (data) => {
          setResult(data);
          onAnswered?.(data);
        },
      });
    },
    [answer.mutate, onAnswered],
  );

  const submit = useCallback(() => {
    if (selected === null || answer.isPending || result) return;
    const sameAnswer =
      attempt !== null &&
      attempt.choiceId === selected &&
      (attempt.confidence ?? null) === confidence;
    send(
      sameAnswer && attempt
        ? attempt
        : {
            questionId: question.id,
            choiceId: selected,
            confidence,
            timeSpentMs: elapsed(),
            clientAnswerId: newUuid(),
            sessionId: progress.id,
          },
    );
  }, [
    selected,
    confidence,
    attempt,
    answer.isPending,
    result,
    send,
    question.id,
    progress.id,
    elapsed,
  ]);

  const sendError = answer.isError ? answer.error : null;
  const retryable =
    sendError instanceof NetworkError || (sendError instanceof ApiError && sendError.status >= 500);
  // Unsent for want of a network: the answer is kept as it was (same clientAnswerId) and sent
  // again when the browser is back online, or on "Retry"; it cannot be changed meanwhile.
  const queued = sendError instanceof NetworkError && attempt !== null && result === null;
  const offline = queued && !online;

  const resend = useRef<() => void>(() => undefined);
  resend.current = () => {
    if (queued && attempt && !answer.isPending) send(attempt);
  };
  useEffect(() => {
    if (online) resend.current();
  }, [online]);

  const next = useCallback(() => onNext(isLast), [onNext, isLast]);

  const choose = useCallback((choiceId: number) => {
    setSelected(choiceId);
    radios.current.get(choiceId)?.focus();
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (document.querySelector("[aria-modal='true']")) return;
      handleQuestionKey(
        event,
        {
          choices: question.choices,
          answered: result !== null,
          busy: answer.isPending || queued || (result !== null && nextPending),
          selected,
        },
        { choose, submit, next },
      );
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [
    question.choices,
    result,
    answer.isPending,
    queued,
    selected,
    choose,
    submit,
    next,
    nextPending,
  ]);

  return (
    <article className="question" aria-labelledby={`${id}-stem`}>
      <SessionProgressBar
        current={Math.min(progress.answered + 1, progress.target)}
        done={done}
        target={progress.target}
      />
      {question.aiUnreviewed ? (
        <p className="question__meta">
          <span className="tag tag--ai" title={t("practice.question.aiBadgeHint")}>
            {t("practice.question.aiBadge")}
          </span>
        </p>
      ) : null}
      <p className="question__stem" id={`${id}-stem`} tabIndex={-1} ref={stem}>
        {keepPunctuation(question.stem)}
      </p>

      {result ? (
        <Feedback
          question={question}
          result={result}
          headingRef={feedbackHeading}
          isLast={isLast}
          lastLabel={lastLabel}
          onNext={next}
          nextPending={nextPending}
        />
      ) : (
        <ChoiceForm
          formId={id}
          choices={question.choices}
          labelledBy={`${id}-stem`}
          selected={selected}
          onSelect={setSelected}
          confidence={confidence}
          onConfidence={setConfidence}
          radios={radios}
          pending={answer.isPending}
          locked={queued}
          onSubmit={submit}
        >
          {offline ? (
            <Alert tone="info" title={t("practice.offline.title")}>
              <p>{t("practice.offline.body")}</p>
              <div className={questionPartsStyles.question__retry}>
                <Button variant="secondary" onClick={() => resend.current()}>
                  {t("practice.actions.retry")}
                </Button>
              </div>
            </Alert>
          ) : sendError ? (
            <Alert title={t("practice.actions.sendFailed")}>
              <p>{errorMessage(sendError, t)}</p>
              {retryable && attempt ? (
                <div className={questionPartsStyles.question__retry}>
                  <Button variant="secondary" onClick={() => send(attempt)}>
                    {t("practice.actions.retry")}
                  </Button>
                </div>
              ) : null}
            </Alert>
          ) : null}
        </ChoiceForm>
      )}

      <div className={styles.question__tools}>
        <FlagToggle questionId={question.id} initial={question.flagged} />
        <ReportQuestion questionId={question.id} />
      </div>

      <FeedbackAnnouncement choices={question.choices} result={result} />
    </article>
  );
}

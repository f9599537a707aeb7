import { type FormEvent, useCallback, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type {
  AnswerInput,
  AnswerResult,
  Confidence,
  PracticeProgress,
  PracticeQuestion,
} from "@/api/types";
import { Alert, Button } from "@/components/ui";
import { useLevelName } from "@/features/progress";
import { ApiError, NetworkError } from "@/lib/api-error";
import { keepPunctuation } from "@/lib/format";
import { errorMessage } from "@/lib/forms";
import { useSubmitAnswer } from "../api/queries";
import { formatUpcoming } from "../lib/format";
import { useActiveTimer } from "../lib/timer";
import { newUuid } from "../lib/uuid";
import { FlagToggle } from "./FlagToggle";
import { CheckIcon, CrossIcon } from "./Icons";
import { ReportQuestion } from "./ReportDialog";

const CONFIDENCE: readonly Confidence[] = ["low", "medium", "high"];

/** Whether a key press belongs to a field or control that handles it itself. */
function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest("textarea, select, [contenteditable='true']")) return true;
  if (target instanceof HTMLInputElement && !["radio", "checkbox"].includes(target.type)) {
    return true;
  }
  // Enter on a button or link activates it: no second action on top.
  return key === "Enter" && target.closest("button, a[href], summary") !== null;
}

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
  const id = useId();
  const explanations = new Map(result.choiceExplanations.map((item) => [item.choiceId, item]));
  const { mastery } = result;
  const tone = result.isCorrect ? "correct" : "incorrect";

  return (
    <section className={`feedback feedback--${tone}`} aria-labelledby={`${id}-title`}>
      <div className="feedback__banner">
        <span className="feedback__icon">{result.isCorrect ? <CheckIcon /> : <CrossIcon />}</span>
        <div>
          <h2 className="feedback__title" id={`${id}-title`} tabIndex={-1} ref={headingRef}>
            {t(result.isCorrect ? "practice.feedback.correct" : "practice.feedback.incorrect")}
          </h2>
          <p className="feedback__lead">
            {t(
              result.isCorrect
                ? "practice.feedback.correctLead"
                : "practice.feedback.incorrectLead",
            )}
          </p>
        </div>
      </div>
      {result.misconception ? (
        <p className="feedback__note">{t("practice.feedback.misconception")}</p>
      ) : null}

      <h3 className="feedback__subtitle" id={`${id}-answers`}>
        {t("practice.feedback.answersTitle")}
      </h3>
      <ol className="choices choices--answered" aria-labelledby={`${id}-answers`}>
        {question.choices.map((choice, index) => {
          const right = choice.id === result.correctChoiceId;
          const mine = choice.id === result.choiceId;
          const state = right ? "correct" : mine ? "incorrect" : "other";
          return (
            <li key={choice.id} className={`choice choice--answered choice--${state}`}>
              <div className="choice__row">
                <span className="choice__key" aria-hidden="true">
                  {right ? <CheckIcon /> : mine ? <CrossIcon /> : index + 1}
                </span>
                <span className="choice__text">{choice.text}</span>
              </div>
              {right || mine ? (
                <p className="choice__status">
                  {right ? (
                    <span className="status status--correct">
                      {t("practice.feedback.correctAnswer")}
                    </span>
                  ) : null}
                  {mine ? (
                    <span className={`status status--${right ? "mine-correct" : "incorrect"}`}>
                      {t("practice.feedback.yourAnswer")}
                    </span>
                  ) : null}
                </p>
              ) : null}
              <p className="choice__explanation">{explanations.get(choice.id)?.explanation}</p>
            </li>
          );
        })}
      </ol>

      <div className="feedback__block">
        <h3 className="feedback__subtitle">{t("practice.feedback.explanationTitle")}</h3>
        <p className="feedback__explanation">{result.explanation}</p>
      </div>

      <div className="feedback__block feedback__mastery">
        <h3 className="feedback__subtitle">
          {t("practice.feedback.masteryTitle", { code: mastery.subObjectiveCode })}
        </h3>
        <p className="feedback__level">
          {t("practice.feedback.levelChange", {
            from: levelName(mastery.previousLevel),
            to: levelName(mastery.level),
          })}
        </p>
        <p className="feedback__score">
          {t("practice.feedback.scoreChange", {
            from: mastery.previousScore,
            to: mastery.score,
          })}
        </p>
        <p className="feedback__review">
          {t("practice.feedback.nextReview", {
            when: formatUpcoming(result.nextReviewAt, i18n.language),
          })}
        </p>
      </div>

      <div className="feedback__actions">
        <Button onClick={onNext} loading={nextPending} block>
          {isLast ? (lastLabel ?? t("practice.actions.results")) : t("practice.actions.next")}
        </Button>
      </div>
    </section>
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
}: {
  question: PracticeQuestion;
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
}) {
  const { t } = useTranslation();
  const id = useId();
  const elapsed = useActiveTimer();
  const answer = useSubmitAnswer();
  const [selected, setSelected] = useState<number | null>(null);
  const [confidence, setConfidence] = useState<Confidence | null>(null);
  /** The answer being sent: sent again as is (same clientAnswerId) to retry. */
  const [attempt, setAttempt] = useState<AnswerInput | null>(null);
  const [result, setResult] = useState<AnswerResult | null>(null);
  const stem = useRef<HTMLParagraphElement | null>(null);
  const feedbackHeading = useRef<HTMLHeadingElement | null>(null);
  const radios = useRef(new Map<number, HTMLInputElement | null>());

  const done = progress.answered + (result ? 1 : 0);
  const isLast = progress.answered + 1 >= progress.target;

  // biome-ignore lint/correctness/useExhaustiveDependencies: on mount only.
  useEffect(() => {
    if (autoFocus) stem.current?.focus();
  }, []);

  useEffect(() => {
    if (result) feedbackHeading.current?.focus();
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

  const next = useCallback(() => onNext(isLast), [onNext, isLast]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (document.querySelector("[aria-modal='true']")) return;
      if (ownsKeys(event.target, event.key)) return;
      if (/^[1-9]$/.test(event.key) && !result && !answer.isPending) {
        const choice = question.choices[Number(event.key) - 1];
        if (!choice) return;
        event.preventDefault();
        setSelected(choice.id);
        radios.current.get(choice.id)?.focus();
      } else if (event.key === "Enter") {
        if (result) {
          if (nextPending) return;
          event.preventDefault();
          next();
        } else if (selected !== null) {
          event.preventDefault();
          submit();
        }
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [question.choices, result, answer.isPending, selected, submit, next, nextPending]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const sendError = answer.isError ? answer.error : null;
  const retryable =
    sendError instanceof NetworkError || (sendError instanceof ApiError && sendError.status >= 500);
  const correctText = result
    ? question.choices.find((choice) => choice.id === result.correctChoiceId)?.text
    : undefined;

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
        <form className="question__form" onSubmit={onSubmit} noValidate>
          <div
            className="choices"
            role="radiogroup"
            aria-labelledby={`${id}-stem`}
            aria-describedby={`${id}-keys`}
          >
            {question.choices.map((choice, index) => (
              <label
                key={choice.id}
                className={`choice${selected === choice.id ? " choice--selected" : ""}`}
              >
                <input
                  ref={(element) => {
                    radios.current.set(choice.id, element);
                  }}
                  className="choice__input"
                  type="radio"
                  name={`${id}-choice`}
                  value={choice.id}
                  checked={selected === choice.id}
                  disabled={answer.isPending}
                  aria-keyshortcuts={index < 9 ? String(index + 1) : undefined}
                  onChange={() => setSelected(choice.id)}
                />
                <span className="choice__key" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="choice__text">{choice.text}</span>
              </label>
            ))}
          </div>
          <p className="question__keys" id={`${id}-keys`}>
            {t("practice.question.keyHint", { count: question.choices.length })}
          </p>

          <fieldset className="confidence">
            <legend className="confidence__legend">
              {t("practice.confidence.legend")}{" "}
              <span className="field__optional">({t("practice.confidence.optional")})</span>
            </legend>
            <div className="confidence__options">
              {CONFIDENCE.map((level) => (
                <label key={level} className="confidence__option">
                  <input
                    type="radio"
                    name={`${id}-confidence`}
                    value={level}
                    checked={confidence === level}
                    disabled={answer.isPending}
                    onChange={() => setConfidence(level)}
                  />
                  <span>{t(`practice.confidence.${level}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>

          {sendError ? (
            <Alert title={t("practice.actions.sendFailed")}>
              <p>{errorMessage(sendError, t)}</p>
              {retryable && attempt ? (
                <div className="question__retry">
                  <Button variant="secondary" onClick={() => send(attempt)}>
                    {t("practice.actions.retry")}
                  </Button>
                </div>
              ) : null}
            </Alert>
          ) : null}

          <Button type="submit" block disabled={selected === null} loading={answer.isPending}>
            {t("practice.question.submit")}
          </Button>
        </form>
      )}

      <div className="question__tools">
        <FlagToggle questionId={question.id} initial={question.flagged} />
        <ReportQuestion questionId={question.id} />
      </div>

      <div className="visually-hidden" role="status" aria-live="polite">
        {result
          ? result.isCorrect
            ? t("practice.feedback.announceCorrect")
            : t("practice.feedback.announceIncorrect", { answer: correctText ?? "" })
          : ""}
      </div>
    </article>
  );
}

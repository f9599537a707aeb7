import { type FormEvent, type ReactNode, type RefObject, useId } from "react";
import { useTranslation } from "react-i18next";
import type { AnswerResult, Confidence, PracticeQuestion } from "@/api/types";
import { Button } from "@/components/ui";
import { CheckIcon, CrossIcon } from "./Icons";
import styles from "./QuestionParts.module.css";

/*
 * The pieces of a question as learners see it, shared by the practice screen (QuestionCard) and
 * the reviewers' learner preview: the choices with their keys and the confidence picker, then the
 * feedback. They only render; who records the answer is the caller's business.
 */

const CONFIDENCE: readonly Confidence[] = ["low", "medium", "high"];

type PracticeChoice = PracticeQuestion["choices"][number];

/** Heading level of the feedback's title; its sub-headings are one below. */
type Level = 2 | 3;
const heading = (level: Level) => (level === 2 ? "h2" : "h3");
const subheading = (level: Level) => (level === 2 ? "h3" : "h4");

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

/**
 * The question's keys: 1–9 choose, Enter submits, then Enter goes on. Calls the matching handler
 * and claims the event; leaves alone keys that a field or control handles itself.
 */
export function handleQuestionKey(
  event: Pick<
    KeyboardEvent,
    "key" | "target" | "defaultPrevented" | "altKey" | "ctrlKey" | "metaKey" | "preventDefault"
  >,
  state: {
    choices: readonly PracticeChoice[];
    answered: boolean;
    busy: boolean;
    selected: number | null;
  },
  on: { choose: (choiceId: number) => void; submit: () => void; next: () => void },
): void {
  if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
  if (ownsKeys(event.target, event.key)) return;
  if (/^[1-9]$/.test(event.key)) {
    const choice = state.choices[Number(event.key) - 1];
    if (state.answered || state.busy || !choice) return;
    event.preventDefault();
    on.choose(choice.id);
  } else if (event.key === "Enter" && !state.busy) {
    if (state.answered) {
      event.preventDefault();
      on.next();
    } else if (state.selected !== null) {
      event.preventDefault();
      on.submit();
    }
  }
}

/** The choices (keys 1–5), the optional confidence and the submit button. */
export function ChoiceForm({
  formId,
  choices,
  labelledBy,
  language,
  selected,
  onSelect,
  confidence,
  onConfidence,
  radios,
  pending = false,
  locked = false,
  onSubmit,
  children,
}: {
  /** Prefix of the form's own ids (radio group names, the key hint). */
  formId: string;
  choices: readonly PracticeChoice[];
  /** The id of the stem, which names the group of choices. */
  labelledBy: string;
  /** The question's language when it may differ from the interface's. */
  language?: string;
  selected: number | null;
  onSelect: (choiceId: number) => void;
  confidence: Confidence | null;
  onConfidence: (confidence: Confidence) => void;
  /** Filled with each choice's radio button, for the number keys to focus. */
  radios: RefObject<Map<number, HTMLInputElement | null>>;
  /** The answer is on its way: choices locked, button busy. */
  pending?: boolean;
  /** The answer is kept to be sent again (offline): choices and button locked, not busy. */
  locked?: boolean;
  onSubmit: () => void;
  /** Shown above the submit button (a sending error, say). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className={styles.question__form} onSubmit={submit} noValidate>
      <div
        className={styles.choices}
        role="radiogroup"
        aria-labelledby={labelledBy}
        aria-describedby={`${formId}-keys`}
      >
        {choices.map((choice, index) => (
          <label
            key={choice.id}
            className={`${styles.choice} choice${selected === choice.id ? ` ${styles["choice--selected"]}` : ""}`}
          >
            <input
              ref={(element) => {
                radios.current.set(choice.id, element);
              }}
              className={styles.choice__input}
              type="radio"
              name={`${formId}-choice`}
              value={choice.id}
              checked={selected === choice.id}
              disabled={pending || locked}
              aria-keyshortcuts={index < 9 ? String(index + 1) : undefined}
              onChange={() => onSelect(choice.id)}
            />
            <span className={styles.choice__key} aria-hidden="true">
              {index + 1}
            </span>
            <span className={`${styles.choice__text} choice__text`} lang={language}>
              {choice.text}
            </span>
          </label>
        ))}
      </div>
      <p className={styles.question__keys} id={`${formId}-keys`}>
        {t("practice.question.keyHint", { count: choices.length })}
      </p>

      <fieldset className={styles.confidence}>
        <legend className={styles.confidence__legend}>
          {t("practice.confidence.legend")}{" "}
          <span className="field__optional">({t("practice.confidence.optional")})</span>
        </legend>
        <div className={styles.confidence__options}>
          {CONFIDENCE.map((level) => (
            <label key={level} className={styles.confidence__option}>
              <input
                className="cover-input"
                type="radio"
                name={`${formId}-confidence`}
                value={level}
                checked={confidence === level}
                disabled={pending || locked}
                onChange={() => onConfidence(level)}
              />
              <span>{t(`practice.confidence.${level}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>

      {children}

      <Button type="submit" block disabled={selected === null || locked} loading={pending}>
        {t("practice.question.submit")}
      </Button>
    </form>
  );
}

/** "Correct!" or "Not quite", and the misconception note. */
function FeedbackBanner({
  isCorrect,
  misconception,
  titleId,
  headingRef,
  level,
}: {
  isCorrect: boolean;
  misconception: boolean;
  titleId: string;
  /** Focused when the feedback appears. */
  headingRef: RefObject<HTMLHeadingElement | null>;
  level: Level;
}) {
  const { t } = useTranslation();
  const Title = heading(level);
  return (
    <>
      <div className={styles.feedback__banner}>
        <span className={styles.feedback__icon}>{isCorrect ? <CheckIcon /> : <CrossIcon />}</span>
        <div>
          <Title className={styles.feedback__title} id={titleId} tabIndex={-1} ref={headingRef}>
            {t(isCorrect ? "practice.feedback.correct" : "practice.feedback.incorrect")}
          </Title>
          <p>
            {t(isCorrect ? "practice.feedback.correctLead" : "practice.feedback.incorrectLead")}
          </p>
        </div>
      </div>
      {misconception ? (
        <p className={styles.feedback__note}>{t("practice.feedback.misconception")}</p>
      ) : null}
    </>
  );
}

/** Every choice with its explanation (the right one and the learner's marked), then the question's. */
function FeedbackDetails({
  listId,
  choices,
  result,
  language,
  level,
}: {
  listId: string;
  choices: readonly PracticeChoice[];
  result: Pick<AnswerResult, "choiceId" | "correctChoiceId" | "explanation" | "choiceExplanations">;
  /** The question's language when it may differ from the interface's. */
  language?: string;
  level: Level;
}) {
  const { t } = useTranslation();
  const Subtitle = subheading(level);
  const explanations = new Map(result.choiceExplanations.map((item) => [item.choiceId, item]));
  return (
    <>
      <Subtitle className={`${styles.feedback__subtitle} feedback__subtitle`} id={listId}>
        {t("practice.feedback.answersTitle")}
      </Subtitle>
      <ol className={`${styles.choices}`} aria-labelledby={listId}>
        {choices.map((choice, index) => {
          const right = choice.id === result.correctChoiceId;
          const mine = choice.id === result.choiceId;
          const state = right ? "correct" : mine ? "incorrect" : "other";
          return (
            <li
              key={choice.id}
              className={`${styles.choice} choice ${styles["choice--answered"]} ${styles[`choice--${state}`]} choice--${state}`}
            >
              <div className={styles.choice__row}>
                <span className={styles.choice__key} aria-hidden="true">
                  {right ? <CheckIcon /> : mine ? <CrossIcon /> : index + 1}
                </span>
                <span className={`${styles.choice__text} choice__text`} lang={language}>
                  {choice.text}
                </span>
              </div>
              {right || mine ? (
                <p className={styles.choice__status}>
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
              <p className={`${styles.choice__explanation} choice__explanation`} lang={language}>
                {explanations.get(choice.id)?.explanation}
              </p>
            </li>
          );
        })}
      </ol>

      <div className={styles.feedback__block}>
        <Subtitle className={`${styles.feedback__subtitle} feedback__subtitle`}>
          {t("practice.feedback.explanationTitle")}
        </Subtitle>
        <p className={styles.feedback__explanation} lang={language}>
          {result.explanation}
        </p>
      </div>
    </>
  );
}

/**
 * The feedback on an answer: the outcome, every choice explained, the question's explanation,
 * then whatever the caller adds (mastery change, actions...).
 */
export function FeedbackSection({
  choices,
  result,
  headingRef,
  level,
  language,
  children,
}: {
  choices: readonly PracticeChoice[];
  result: Pick<
    AnswerResult,
    | "isCorrect"
    | "misconception"
    | "choiceId"
    | "correctChoiceId"
    | "explanation"
    | "choiceExplanations"
  >;
  /** Focused when the feedback appears. */
  headingRef: RefObject<HTMLHeadingElement | null>;
  level: Level;
  /** The question's language when it may differ from the interface's. */
  language?: string;
  children: ReactNode;
}) {
  const id = useId();
  const tone = result.isCorrect ? "correct" : "incorrect";
  return (
    <section
      className={`${styles.feedback} ${styles[`feedback--${tone}`]}`}
      aria-labelledby={`${id}-title`}
    >
      <FeedbackBanner
        isCorrect={result.isCorrect}
        misconception={result.misconception}
        titleId={`${id}-title`}
        headingRef={headingRef}
        level={level}
      />
      <FeedbackDetails
        listId={`${id}-answers`}
        choices={choices}
        result={result}
        language={language}
        level={level}
      />
      {children}
    </section>
  );
}

/** Announces the outcome to screen readers once the feedback shows. */
export function FeedbackAnnouncement({
  choices,
  result,
}: {
  choices: readonly PracticeChoice[];
  result: Pick<AnswerResult, "isCorrect" | "correctChoiceId"> | null;
}) {
  const { t } = useTranslation();
  const correctText = result
    ? choices.find((choice) => choice.id === result.correctChoiceId)?.text
    : undefined;
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      {result
        ? result.isCorrect
          ? t("practice.feedback.announceCorrect")
          : t("practice.feedback.announceIncorrect", { answer: correctText ?? "" })
        : ""}
    </div>
  );
}

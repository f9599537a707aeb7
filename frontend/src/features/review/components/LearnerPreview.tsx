import {
  type FormEvent,
  type KeyboardEvent,
  type RefObject,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import type { Confidence, ReviewItem } from "@/api/types";
import { Button } from "@/components/ui";
import { CheckIcon, CrossIcon } from "@/features/practice";
import { keepPunctuation } from "@/lib/format";
import {
  type LearnerQuestion,
  type PreviewResult,
  previewAnswer,
  shuffledChoiceIds,
  toLearnerQuestion,
} from "../lib/preview";

/*
 * The practice screen's question, for a reviewer, with nothing recorded. The practice
 * `QuestionCard` cannot be mounted here as it is: it sends the answer to POST /api/qcm/answer
 * (which records it and moves the learner's mastery and spaced repetition), and its
 * "Review later" and "Report" tools write too. So this component renders the same markup with the
 * same classes (practice.css) and the same texts (`practice.*`), and computes the feedback from
 * the review item (`previewAnswer`). What only a real answer has (mastery change, next review)
 * is replaced by a note; the session progress bar and the tools are left out.
 */

const CONFIDENCE: readonly Confidence[] = ["low", "medium", "high"];

/** Whether a key press belongs to a field or control that handles it itself (as in practice). */
function ownsKeys(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest("textarea, select, [contenteditable='true']")) return true;
  if (target instanceof HTMLInputElement && !["radio", "checkbox"].includes(target.type)) {
    return true;
  }
  return key === "Enter" && target.closest("button, a[href], summary") !== null;
}

function PreviewFeedback({
  question,
  result,
  subObjectiveCode,
  language,
  headingRef,
  onAgain,
  onClose,
}: {
  question: LearnerQuestion;
  result: PreviewResult;
  subObjectiveCode: string;
  /** The question's language, for its texts (the interface may be in the other one). */
  language: string;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onAgain: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const explanations = new Map(result.choiceExplanations.map((item) => [item.choiceId, item]));
  const tone = result.isCorrect ? "correct" : "incorrect";

  return (
    <section className={`feedback feedback--${tone}`} aria-labelledby={`${id}-title`}>
      <div className="feedback__banner">
        <span className="feedback__icon">{result.isCorrect ? <CheckIcon /> : <CrossIcon />}</span>
        <div>
          <h3 className="feedback__title" id={`${id}-title`} tabIndex={-1} ref={headingRef}>
            {t(result.isCorrect ? "practice.feedback.correct" : "practice.feedback.incorrect")}
          </h3>
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

      <h4 className="feedback__subtitle" id={`${id}-answers`}>
        {t("practice.feedback.answersTitle")}
      </h4>
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
                <span className="choice__text" lang={language}>
                  {choice.text}
                </span>
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
              <p className="choice__explanation" lang={language}>
                {explanations.get(choice.id)?.explanation}
              </p>
            </li>
          );
        })}
      </ol>

      <div className="feedback__block">
        <h4 className="feedback__subtitle">{t("practice.feedback.explanationTitle")}</h4>
        <p className="feedback__explanation" lang={language}>
          {result.explanation}
        </p>
      </div>

      <p className="learner-preview__note">
        {t("review.preview.notRecorded", { code: subObjectiveCode })}
      </p>

      <div className="feedback__actions learner-preview__actions">
        <Button onClick={onClose} block>
          {t("review.preview.close")}
        </Button>
        <Button variant="secondary" onClick={onAgain} block>
          {t("review.preview.again")}
        </Button>
      </div>
    </section>
  );
}

/**
 * A review item shown as the practice screen shows it: shuffled choices (keys 1–5), an optional
 * confidence, submit (Enter); then the learner's feedback with every choice explained. Keys act
 * only while the focus is inside the preview, so they never reach the review actions; Enter after
 * the feedback and Escape go back to the review card.
 */
export function LearnerPreview({
  item,
  stemId,
  onClose,
}: {
  item: ReviewItem;
  /** The card is labelled by its stem: the preview's stem takes the same id. */
  stemId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  // One order per opening, kept while the preview stays open (answering again included).
  const [order] = useState(() => shuffledChoiceIds(item));
  const question = useMemo(() => toLearnerQuestion(item, order), [item, order]);
  const [selected, setSelected] = useState<number | null>(null);
  const [confidence, setConfidence] = useState<Confidence | null>(null);
  const [result, setResult] = useState<PreviewResult | null>(null);
  const title = useRef<HTMLHeadingElement | null>(null);
  const feedbackHeading = useRef<HTMLHeadingElement | null>(null);
  const radios = useRef(new Map<number, HTMLInputElement | null>());
  const answeredOnce = useRef(false);

  useEffect(() => {
    title.current?.focus();
  }, []);

  useEffect(() => {
    if (result) {
      answeredOnce.current = true;
      feedbackHeading.current?.focus();
    } else if (answeredOnce.current) {
      radios.current.get(question.choices[0]?.id ?? -1)?.focus();
    }
  }, [result, question.choices]);

  const submit = () => {
    if (selected === null || result) return;
    setResult(previewAnswer(item, selected, confidence));
  };

  const again = () => {
    setResult(null);
    setSelected(null);
    setConfidence(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "Escape") {
      event.preventDefault();
      onClose();
      return;
    }
    if (ownsKeys(event.target, event.key)) return;
    if (/^[1-9]$/.test(event.key) && !result) {
      const choice = question.choices[Number(event.key) - 1];
      if (!choice) return;
      event.preventDefault();
      setSelected(choice.id);
      radios.current.get(choice.id)?.focus();
    } else if (event.key === "Enter") {
      if (result) {
        event.preventDefault();
        onClose();
      } else if (selected !== null) {
        event.preventDefault();
        submit();
      }
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };

  const correctText = result
    ? question.choices.find((choice) => choice.id === result.correctChoiceId)?.text
    : undefined;

  return (
    // The section takes the focus on a click inside it, so the keys keep working there.
    <section
      className="learner-preview"
      aria-labelledby={`${id}-title`}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <div className="learner-preview__bar">
        <div className="learner-preview__intro">
          <h3 className="learner-preview__title" id={`${id}-title`} tabIndex={-1} ref={title}>
            {t("review.preview.title")}
          </h3>
          <p className="learner-preview__lead">{t("review.preview.lead")}</p>
        </div>
        <Button variant="secondary" className="learner-preview__back" onClick={onClose}>
          {t("review.preview.close")}
        </Button>
      </div>

      <article className="question learner-preview__question" aria-labelledby={stemId}>
        {question.aiUnreviewed ? (
          <p className="question__meta">
            <span className="tag tag--ai" title={t("practice.question.aiBadgeHint")}>
              {t("practice.question.aiBadge")}
            </span>
          </p>
        ) : null}
        <p className="question__stem" id={stemId} lang={item.language}>
          {keepPunctuation(question.stem)}
        </p>

        {result ? (
          <PreviewFeedback
            question={question}
            result={result}
            subObjectiveCode={item.subObjectiveCode}
            language={item.language}
            headingRef={feedbackHeading}
            onAgain={again}
            onClose={onClose}
          />
        ) : (
          <form className="question__form" onSubmit={onSubmit} noValidate>
            <div
              className="choices"
              role="radiogroup"
              aria-labelledby={stemId}
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
                    aria-keyshortcuts={index < 9 ? String(index + 1) : undefined}
                    onChange={() => setSelected(choice.id)}
                  />
                  <span className="choice__key" aria-hidden="true">
                    {index + 1}
                  </span>
                  <span className="choice__text" lang={item.language}>
                    {choice.text}
                  </span>
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
                      onChange={() => setConfidence(level)}
                    />
                    <span>{t(`practice.confidence.${level}`)}</span>
                  </label>
                ))}
              </div>
            </fieldset>

            <Button type="submit" block disabled={selected === null}>
              {t("practice.question.submit")}
            </Button>
          </form>
        )}
      </article>

      <div className="visually-hidden" role="status" aria-live="polite">
        {result
          ? result.isCorrect
            ? t("practice.feedback.announceCorrect")
            : t("practice.feedback.announceIncorrect", { answer: correctText ?? "" })
          : ""}
      </div>
    </section>
  );
}

import {
  type KeyboardEvent,
  type RefObject,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { useTranslation } from "react-i18next";
import type { Confidence, ModerationItem } from "@/api/types";
import { Button } from "@/components/ui";
import {
  ChoiceForm,
  FeedbackAnnouncement,
  FeedbackSection,
  handleQuestionKey,
} from "@/features/practice";
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
 * `QuestionCard` itself sends the answer to POST /api/practice/answers (which records it and moves the
 * learner's mastery and spaced repetition), and its "Review later" and "Report" tools write too;
 * so the preview composes the same parts (QuestionParts) and computes the feedback from the
 * review item (`previewAnswer`). What only a real answer has (mastery change, next review) is
 * replaced by a note; the session progress bar and the tools are left out.
 */

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

  return (
    <FeedbackSection
      choices={question.choices}
      result={result}
      headingRef={headingRef}
      level={3}
      language={language}
    >
      <p className="learner-preview__note">
        {t("moderation.preview.notRecorded", { code: subObjectiveCode })}
      </p>

      <div className="feedback__actions learner-preview__actions">
        <Button onClick={onClose} block>
          {t("moderation.preview.close")}
        </Button>
        <Button variant="secondary" onClick={onAgain} block>
          {t("moderation.preview.again")}
        </Button>
      </div>
    </FeedbackSection>
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
  item: ModerationItem;
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
    handleQuestionKey(
      event,
      { choices: question.choices, answered: result !== null, busy: false, selected },
      {
        choose: (choiceId) => {
          setSelected(choiceId);
          radios.current.get(choiceId)?.focus();
        },
        submit,
        next: onClose,
      },
    );
  };

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
            {t("moderation.preview.title")}
          </h3>
          <p className="learner-preview__lead">{t("moderation.preview.lead")}</p>
        </div>
        <Button variant="secondary" className="learner-preview__back" onClick={onClose}>
          {t("moderation.preview.close")}
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
          <ChoiceForm
            formId={id}
            choices={question.choices}
            labelledBy={stemId}
            language={item.language}
            selected={selected}
            onSelect={setSelected}
            confidence={confidence}
            onConfidence={setConfidence}
            radios={radios}
            onSubmit={submit}
          />
        )}
      </article>

      <FeedbackAnnouncement choices={question.choices} result={result} />
    </section>
  );
}

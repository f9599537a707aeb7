import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AnswerResult, GenerationRun, Language } from "@/api/types";
import { Alert, Button, SkeletonBlock } from "@/components/ui";
import { QuestionCard } from "@/features/practice";
import { keepPunctuation } from "@/lib/format";
import { errorMessage } from "@/lib/forms";
import { useGenerationRun } from "../api/queries";
import { isFinal } from "../lib/run";
import styles from "./RunView.module.css";

type Answered = Map<number, boolean>;

function RunProgress({ run }: { run: GenerationRun }) {
  const { t } = useTranslation();
  const id = useId();
  const final = isFinal(run.status);
  return (
    <div className={styles["run-progress"]}>
      <p className={styles["run-progress__status"]} id={`${id}-status`}>
        {run.status === "failed" && run.error
          ? run.error.message
          : t(`generation.run.status.${run.status}`)}
      </p>
      <p className={styles["run-progress__count"]} role="status" aria-live="polite">
        {t("generation.run.ready", { accepted: run.accepted, requested: run.requested })}
      </p>
      <progress
        className="practice-progress__bar"
        max={Math.max(run.requested, 1)}
        value={Math.min(run.accepted, run.requested)}
        aria-labelledby={`${id}-status`}
      />
      {run.rejected > 0 ? (
        <p className={styles["run-progress__rejected"]}>
          {t("generation.run.rejected", { count: run.rejected })}
        </p>
      ) : null}
      {run.fromCache ? (
        <p className={styles["run-progress__cache"]}>{t("generation.run.fromCache")}</p>
      ) : null}
      {!final && run.questions.length === 0 ? (
        <p className={styles["run-progress__waiting"]}>{t("generation.run.waiting")}</p>
      ) : null}
    </div>
  );
}

function QuestionList({
  run,
  answered,
  onOpen,
}: {
  run: GenerationRun;
  answered: Answered;
  onOpen: (index: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <ol className={styles["generated-list"]} aria-labelledby="run-title">
      {run.questions.map((question, index) => {
        const state = answered.get(question.id);
        return (
          <li key={question.id} className={styles["generated-item"]}>
            <p className={styles["generated-item__meta"]}>
              <span className={styles["generated-item__number"]}>
                {t("generation.run.questionLabel", { n: index + 1 })}
              </span>
              {question.aiUnreviewed ? (
                <span className="tag tag--ai" title={t("practice.question.aiBadgeHint")}>
                  {t("practice.question.aiBadge")}
                </span>
              ) : null}
              <span>
                {t("generation.run.difficulty", {
                  label: t(`generation.form.difficulties.${question.difficulty as 1}`),
                })}
              </span>
            </p>
            <p className={styles["generated-item__stem"]}>{keepPunctuation(question.stem)}</p>
            <div className={styles["generated-item__actions"]}>
              {state === undefined ? (
                <Button
                  variant="secondary"
                  onClick={() => onOpen(index)}
                  aria-label={t("generation.run.answerLabel", { n: index + 1 })}
                >
                  {t("generation.run.answer")}
                </Button>
              ) : (
                <span className={`status status--${state ? "correct" : "incorrect"}`}>
                  {t(state ? "generation.run.answeredCorrect" : "generation.run.answeredIncorrect")}
                </span>
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * A run as it progresses (polled): the count ready and rejected, the questions as they arrive
 * (stems only), each answerable at once; "Practise these" walks through them one per screen.
 */
export function RunView({
  runId,
  lang,
  onAgain,
}: {
  runId: string;
  lang: Language;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const run = useGenerationRun(runId, lang);
  const [current, setCurrent] = useState<number | null>(null);
  const [answered, setAnswered] = useState<Answered>(() => new Map());
  const listHeading = useRef<HTMLHeadingElement | null>(null);
  const backToList = useRef(false);

  useEffect(() => {
    if (current === null && backToList.current) {
      backToList.current = false;
      listHeading.current?.focus();
    }
  }, [current]);

  const onAnswered = useCallback((result: AnswerResult) => {
    setAnswered((map) => new Map(map).set(result.questionId, result.isCorrect));
  }, []);

  if (run.isError && !run.data) {
    return (
      <Alert title={t("generation.run.loadFailed")}>
        <p>{errorMessage(run.error, t)}</p>
        <p>
          <Button variant="secondary" onClick={() => run.refetch()}>
            {t("catalog.error.retry")}
          </Button>
        </p>
      </Alert>
    );
  }
  if (!run.data) return <SkeletonBlock lines={5} />;
  const data = run.data;
  const final = isFinal(data.status);
  const question = current !== null ? data.questions[current] : undefined;

  if (current !== null && question) {
    return (
      <div className={styles["generated-walk"]}>
        <QuestionCard
          key={question.id}
          question={question}
          progress={{ id: null, answered: current, target: data.questions.length }}
          autoFocus
          onNext={(last) => {
            if (last) backToList.current = true;
            setCurrent(last ? null : current + 1);
          }}
          nextPending={false}
          lastLabel={t("generation.run.backToList")}
          onAnswered={onAnswered}
        />
        <p>
          <Button
            variant="ghost"
            onClick={() => {
              backToList.current = true;
              setCurrent(null);
            }}
          >
            {t("generation.run.backToList")}
          </Button>
        </p>
      </div>
    );
  }

  const firstUnanswered = data.questions.findIndex((item) => !answered.has(item.id));
  return (
    <section className={styles.run} aria-labelledby="run-title">
      <h2 className={styles.run__title} id="run-title" tabIndex={-1} ref={listHeading}>
        {t("generation.run.title")}
      </h2>
      <RunProgress run={data} />
      {run.isError ? <Alert>{errorMessage(run.error, t)}</Alert> : null}
      {data.questions.length > 0 ? (
        <>
          {firstUnanswered >= 0 ? (
            <Button block onClick={() => setCurrent(firstUnanswered)}>
              {t("generation.run.practise")}
            </Button>
          ) : null}
          <QuestionList run={data} answered={answered} onOpen={setCurrent} />
        </>
      ) : final ? (
        <p className="empty-state">{t("generation.run.empty")}</p>
      ) : (
        <SkeletonBlock lines={3} />
      )}
      {final ? (
        <div className="button-row">
          <Button variant="secondary" onClick={onAgain}>
            {t("generation.run.again")}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

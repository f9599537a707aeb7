import { useCallback, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { AnswerResult, GenerationRun, Language } from "@/api/types";
import { Alert, Button, SkeletonBlock } from "@/components/ui";
import { QuestionCard } from "@/features/practice";
import { ApiError } from "@/lib/api-error";
import { keepPunctuation } from "@/lib/format";
import { errorMessage } from "@/lib/forms";
import { useCancelGeneration, useGenerationRun } from "../api/queries";
import { currentQuestion, formatElapsed, isFinal, NOT_DELIVERED } from "../lib/run";
import styles from "./RunView.module.css";

type Answered = Map<number, boolean>;

/**
 * The time since the request, ticking every second: the server's figure at the last poll plus
 * the time since it arrived (the device's clock may differ from the server's).
 */
function Elapsed({ run, receivedAt }: { run: GenerationRun; receivedAt: number }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const elapsed = run.elapsedMs + Math.max(0, now - receivedAt);
  return (
    <p className={styles["run-progress__elapsed"]} role="timer">
      {t("generation.run.elapsed", { time: formatElapsed(elapsed) })}
    </p>
  );
}

/** What the run is doing now, from the stage the server reports. */
function stageText(run: GenerationRun, t: ReturnType<typeof useTranslation>["t"]): string {
  const stage = run.stage ?? (run.status === "queued" ? "queued" : "writing");
  return t(`generation.run.stage.${stage}`, {
    n: currentQuestion(run),
    total: run.requested,
  });
}

/** The gate's reasons in plain words (from the server, in the learner's language). */
function Rejections({ run }: { run: GenerationRun }) {
  const { t } = useTranslation();
  const checked = run.rejections.filter((item) => item.reason !== NOT_DELIVERED);
  const notDelivered = run.rejections.find((item) => item.reason === NOT_DELIVERED);
  const rejected = checked.reduce((sum, item) => sum + item.count, 0);
  return (
    <>
      {rejected > 0 ? (
        <div className={styles["run-progress__rejected"]}>
          <p>{t("generation.run.rejected", { count: rejected })}</p>
          <ul className={styles["run-progress__reasons"]}>
            {checked.map((item) => (
              <li key={item.reason}>
                {t("generation.run.reason", { count: item.count, message: item.message })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {notDelivered ? (
        <p className={styles["run-progress__rejected"]}>
          {t("generation.run.notDelivered", { count: notDelivered.count })}
        </p>
      ) : null}
    </>
  );
}

/**
 * The run's one message (what it is doing, how it ended, or why it failed, never two that
 * disagree), the time it has taken, Cancel while it goes on, and how many questions are ready.
 */
function RunProgress({
  run,
  receivedAt,
  stale,
  lang,
}: {
  run: GenerationRun;
  receivedAt: number;
  stale: boolean;
  lang: Language;
}) {
  const { t } = useTranslation();
  const id = useId();
  const cancel = useCancelGeneration(run.id, lang);
  const final = isFinal(run.status);
  const message = run.error?.message ?? (final ? t(`generation.run.status.${run.status}`) : null);
  // A 409 means the run ended meanwhile: the refreshed run says how, so no second message.
  const cancelError =
    cancel.isError && !(cancel.error instanceof ApiError && cancel.error.status === 409)
      ? errorMessage(cancel.error, t)
      : null;
  return (
    <div className={styles["run-progress"]}>
      {run.status === "failed" && message ? (
        <Alert>
          <p id={`${id}-status`}>{message}</p>
        </Alert>
      ) : final ? (
        <p className={styles["run-progress__status"]} id={`${id}-status`}>
          {message}
        </p>
      ) : stale ? null : (
        <>
          <p className={styles["run-progress__status"]} id={`${id}-status`}>
            {stageText(run, t)}
          </p>
          <div className={styles["run-progress__live"]}>
            <Elapsed run={run} receivedAt={receivedAt} />
            <Button
              variant="secondary"
              onClick={() => cancel.mutate()}
              loading={cancel.isPending}
              aria-describedby={`${id}-cancel-hint`}
            >
              {t("generation.run.cancel")}
            </Button>
          </div>
          <p className={styles["run-progress__waiting"]} id={`${id}-cancel-hint`}>
            {t("generation.run.cancelHint")}
          </p>
          {cancelError ? <Alert>{cancelError}</Alert> : null}
        </>
      )}
      <p className={styles["run-progress__count"]} role="status" aria-live="polite">
        {t("generation.run.ready", { accepted: run.accepted, requested: run.requested })}
      </p>
      <progress
        className="practice-progress__bar"
        max={Math.max(run.requested, 1)}
        value={Math.min(run.accepted, run.requested)}
        aria-labelledby={`${id}-status`}
      />
      <Rejections run={run} />
      {run.fromCache ? (
        <p className={styles["run-progress__cache"]}>{t("generation.run.fromCache")}</p>
      ) : null}
      {!final && !stale && run.questions.length === 0 ? (
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
  const stale = run.isError && !final;
  return (
    <section className={styles.run} aria-labelledby="run-title">
      <h2 className={styles.run__title} id="run-title" tabIndex={-1} ref={listHeading}>
        {t("generation.run.title")}
      </h2>
      <RunProgress run={data} receivedAt={run.dataUpdatedAt} stale={stale} lang={lang} />
      {stale ? (
        // Polling stopped: the last known progress stays, with one message and a way to resume.
        <Alert title={t("generation.run.loadFailed")}>
          <p>{errorMessage(run.error, t)}</p>
          <p>
            <Button variant="secondary" onClick={() => run.refetch()}>
              {t("catalog.error.retry")}
            </Button>
          </p>
        </Alert>
      ) : null}
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
        // A failed or cancelled run already said why above; the empty state is for the rest.
        data.error ? null : (
          <p className="empty-state">{t("generation.run.empty")}</p>
        )
      ) : stale ? null : (
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

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { PracticeMode, SessionQuestion } from "@/api/types";
import { ButtonLink, PageHeading, SkeletonBlock } from "@/components/ui";
import { CatalogError, LocalizedTitle, useCatalogLanguage, useExamTree } from "@/features/catalog";
import { MasteryBadge, useLevelName } from "@/features/progress";
import { keepPunctuation } from "@/lib/format";
import { practiceKeys } from "../api/keys";
import { useSessionSummary } from "../api/queries";
import { formatDuration, percent } from "../lib/format";
import { practicePaths } from "../lib/paths";
import { resolveScope, subObjectiveTitles } from "../lib/scope";
import { CheckIcon, CrossIcon } from "./Icons";
import styles from "./SessionSummary.module.css";

/** /practice/:exam/:code?/summary/:session — score, time and mastery changes of a session. */
export function SessionSummary({
  examCode,
  code,
  sessionId,
  mode,
}: {
  examCode: string;
  code: string | null;
  sessionId: string;
  mode: PracticeMode;
}) {
  const { t, i18n } = useTranslation();
  const levelName = useLevelName();
  const queryClient = useQueryClient();
  const lang = useCatalogLanguage();
  const summary = useSessionSummary(sessionId, lang);
  const tree = useExamTree(examCode);

  // The session is over: practising this scope again starts a new one.
  useEffect(() => {
    queryClient.removeQueries({ queryKey: practiceKeys.nextAll() });
  }, [queryClient]);

  if (summary.isError) {
    return <CatalogError error={summary.error} onRetry={() => summary.refetch()} />;
  }
  if (!summary.data || !tree.data) return <SkeletonBlock lines={6} />;

  const data = summary.data;
  const scope = resolveScope(tree.data, examCode, code);
  const titles = subObjectiveTitles(tree.data);
  const share = new Intl.NumberFormat(i18n.language, { style: "percent" }).format(
    percent(data.correct, data.answered) / 100,
  );
  const scopeTitle = scope?.kind === "exam" ? t("practice.scope.exam") : scope?.title;

  return (
    <div className={`page page--narrow`}>
      <header className="practice__header">
        <p className="level-header__eyebrow">{t(`practice.modes.${mode}`)}</p>
        <PageHeading title={t("practice.summary.title")}>{t("practice.summary.title")}</PageHeading>
        {scope ? (
          <p className={styles.summary__scope}>
            {scope.code ? <span className="practice__code">{scope.code}</span> : null}{" "}
            <LocalizedTitle title={scopeTitle ?? ""} fallback={scope.fallback} />
          </p>
        ) : null}
      </header>

      {data.answered === 0 ? <p className="empty-state">{t("practice.summary.empty")}</p> : null}
      <dl className={styles.summary__stats}>
        <div className={styles.summary__stat}>
          <dt>{t("practice.summary.scoreLabel")}</dt>
          <dd>
            <span className={styles.summary__big}>
              {t("practice.summary.score", { correct: data.correct, answered: data.answered })}
            </span>
            <span className={styles.summary__percent}>{share}</span>
          </dd>
        </div>
        <div className={styles.summary__stat}>
          <dt>{t("practice.summary.timeLabel")}</dt>
          <dd>
            <span className={styles.summary__big}>
              {formatDuration(data.timeSpentMs, i18n.language)}
            </span>
          </dd>
        </div>
      </dl>

      <section aria-labelledby="summary-mastery">
        <h2 id="summary-mastery" className="section-title">
          {t("practice.summary.masteryTitle")}
        </h2>
        {data.masteryChanges.length === 0 ? (
          <p className="empty-state">{t("practice.summary.noChange")}</p>
        ) : (
          <ul className={styles["mastery-changes"]}>
            {data.masteryChanges.map((change) => {
              const sub = titles.get(change.subObjectiveCode);
              const up = change.scoreAfter > change.scoreBefore;
              return (
                <li key={change.subObjectiveId} className={styles["mastery-change"]}>
                  <p className={styles["mastery-change__title"]}>
                    <span className="practice__code">{change.subObjectiveCode}</span>{" "}
                    {sub ? <LocalizedTitle title={sub.title} fallback={sub.fallback} /> : null}
                  </p>
                  <div className={styles["mastery-change__levels"]}>
                    <p className={styles["mastery-change__text"]}>
                      {t("practice.feedback.levelChange", {
                        from: levelName(change.levelBefore),
                        to: levelName(change.levelAfter),
                      })}
                      {up ? (
                        <span className={styles["mastery-change__up"]} aria-hidden="true">
                          <CheckIcon />
                        </span>
                      ) : null}
                    </p>
                    <MasteryBadge
                      mastery={{ level: change.levelAfter, score: change.scoreAfter }}
                    />
                  </div>
                  <p className={styles["mastery-change__score"]}>
                    {t("practice.summary.scoreChange", {
                      from: change.scoreBefore,
                      to: change.scoreAfter,
                    })}
                  </p>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      {data.questions.length > 0 ? (
        <section aria-labelledby="summary-questions">
          <h2 id="summary-questions" className="section-title">
            {t("practice.summary.questionsTitle")}
          </h2>
          <ol className={styles["summary-questions"]}>
            {data.questions.map((item, index) => (
              <SummaryQuestion
                key={`${item.questionId}:${item.answeredAt}`}
                item={item}
                number={index + 1}
                count={data.questions.length}
                subTitle={titles.get(item.subObjectiveCode)}
              />
            ))}
          </ol>
        </section>
      ) : null}

      <div className={`button-row`}>
        <ButtonLink to={practicePaths.session(examCode, code, mode)}>
          {t("practice.summary.again")}
        </ButtonLink>
        {scope?.objective ? (
          <ButtonLink
            variant="secondary"
            to={practicePaths.session(examCode, scope.objective.code, "mixed")}
          >
            {t("practice.summary.wholeObjective", { code: scope.objective.code })}
          </ButtonLink>
        ) : null}
        {scope ? (
          <ButtonLink variant="secondary" to={scope.catalogPath}>
            {t(
              scope.kind === "subObjective"
                ? "practice.summary.backStudy"
                : "practice.summary.backCatalog",
            )}
          </ButtonLink>
        ) : null}
      </div>
    </div>
  );
}

/** One question of the session: the learner's answer, the right one, and why, choice by choice. */
function SummaryQuestion({
  item,
  number,
  count,
  subTitle,
}: {
  item: SessionQuestion;
  number: number;
  count: number;
  subTitle: { title: string; fallback: boolean } | undefined;
}) {
  const { t, i18n } = useTranslation();
  const text = new Map(item.choices.map((choice) => [choice.id, choice.text]));
  const why = new Map(item.choiceExplanations.map((entry) => [entry.choiceId, entry.explanation]));
  // Marked as the question's language when it had no translation in the interface's.
  const lang = item.language === i18n.language ? undefined : item.language;
  const tone = item.isCorrect ? "correct" : "incorrect";
  return (
    <li className={`${styles["summary-question"]} ${styles[`summary-question--${tone}`]}`}>
      <p className={styles["summary-question__meta"]}>
        <span className="visually-hidden">
          {t("practice.summary.questionLabel", { number, count })}{" "}
        </span>
        <span className="practice__code">{item.subObjectiveCode}</span>{" "}
        {subTitle ? <LocalizedTitle title={subTitle.title} fallback={subTitle.fallback} /> : null}
      </p>
      <h3 className={styles["summary-question__stem"]} lang={lang}>
        {keepPunctuation(item.stem)}
      </h3>
      <p className={`${styles["summary-question__verdict"]} status status--${tone}`}>
        <span aria-hidden="true">{item.isCorrect ? <CheckIcon /> : <CrossIcon />}</span>
        {t(item.isCorrect ? "practice.summary.correct" : "practice.summary.incorrect")}
      </p>
      <dl className={styles["summary-question__answers"]}>
        <div>
          <dt>{t("practice.summary.yourAnswer")}</dt>
          <dd lang={lang}>{text.get(item.choiceId)}</dd>
        </div>
        {item.isCorrect ? null : (
          <div>
            <dt>{t("practice.summary.rightAnswer")}</dt>
            <dd lang={lang}>{text.get(item.correctChoiceId)}</dd>
          </div>
        )}
      </dl>
      <p className={styles["summary-question__explanation"]} lang={lang}>
        {item.explanation}
      </p>
      <details className={styles["summary-question__details"]}>
        <summary>{t("practice.summary.explained")}</summary>
        <ul>
          {item.choices.map((choice) => (
            <li key={choice.id}>
              <p className={styles["summary-question__choice"]} lang={lang}>
                {choice.text}
                {choice.id === item.correctChoiceId ? (
                  <span className="status status--correct">
                    {t("practice.summary.rightAnswer")}
                  </span>
                ) : null}
                {choice.id === item.choiceId ? (
                  <span
                    className={`status status--${item.isCorrect ? "mine-correct" : "incorrect"}`}
                  >
                    {t("practice.summary.yourAnswer")}
                  </span>
                ) : null}
              </p>
              <p className={styles["summary-question__why"]} lang={lang}>
                {why.get(choice.id)}
              </p>
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { Button, ButtonLink } from "@/components/ui";
import { useCurrentUser } from "@/features/auth";
import { useMasteryByCode } from "@/features/progress";
import { formatUpcoming } from "../lib/format";
import { practicePaths } from "../lib/paths";
import styles from "./StudyActions.module.css";

/** Said in place of "Practise" where the bank has no question yet in the learner's language. */
function NoQuestionsYet() {
  const { t } = useTranslation();
  return (
    <li className={`${styles["study-actions__item"]} ${styles["study-actions__empty"]}`}>
      <p className={styles["study-actions__empty-title"]}>{t("practice.study.noQuestions")}</p>
      <p className={styles["study-actions__hint"]}>{t("practice.study.noQuestionsHint")}</p>
    </li>
  );
}

/**
 * The study screen's actions: practise the sub-objective, generate questions on it (the app
 * passes the generation screen's path), review what is due on it. Visitors are asked to log in.
 * With no question in the learner's language there is nothing to practise: it says so instead.
 */
export function StudyPracticeActions({
  examCode,
  subObjectiveCode,
  questionCount,
  generateTo,
}: {
  examCode: string;
  subObjectiveCode: string;
  /** Questions to practise there, in the learner's language (from the catalog). */
  questionCount: number;
  /** The generate screen; the action stays disabled without it. */
  generateTo?: string;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const user = useCurrentUser();
  const location = useLocation();
  const mastery = useMasteryByCode(examCode);
  const here = `${location.pathname}${location.search}`;

  if (!user) {
    return (
      <div className={styles["study-actions-wrap"]}>
        <ul className={styles["study-actions"]}>
          {questionCount === 0 ? <NoQuestionsYet /> : null}
          {(
            [
              [
                "practise",
                "catalog.study.actions.practise.label",
                "practice.study.visitorPractise",
              ],
              [
                "generate",
                "catalog.study.actions.generate.label",
                "practice.study.visitorGenerate",
              ],
              ["review", "catalog.study.actions.review.label", "practice.study.visitorReview"],
            ] as const
          )
            .filter(([key]) => key !== "practise" || questionCount > 0)
            .map(([key, label, hint]) => (
              <li key={key} className={styles["study-actions__item"]}>
                <Button
                  variant={key === "practise" ? "primary" : "secondary"}
                  disabled
                  block
                  aria-describedby={`${id}-${key}`}
                >
                  {t(label)}
                </Button>
                <p className={styles["study-actions__hint"]} id={`${id}-${key}`}>
                  {t(hint)}
                </p>
              </li>
            ))}
        </ul>
        <p>
          <ButtonLink variant="ghost" to={`/login?next=${encodeURIComponent(here)}`}>
            {t("practice.study.login")}
          </ButtonLink>
        </p>
      </div>
    );
  }

  const mine = mastery.get(subObjectiveCode);
  const dueAt = mine?.reviewDueAt ?? null;
  const isDue = dueAt !== null && new Date(dueAt).getTime() <= Date.now();
  const reviewHint = isDue
    ? t("practice.study.reviewDue")
    : dueAt
      ? t("practice.study.reviewNext", { when: formatUpcoming(dueAt, i18n.language) })
      : t("practice.study.reviewNone");

  return (
    <ul className={styles["study-actions"]}>
      {questionCount === 0 ? (
        <NoQuestionsYet />
      ) : (
        <li className={styles["study-actions__item"]}>
          <ButtonLink
            block
            to={practicePaths.session(examCode, subObjectiveCode)}
            aria-describedby={`${id}-practise`}
          >
            {t("catalog.study.actions.practise.label")}
          </ButtonLink>
          <p className={styles["study-actions__hint"]} id={`${id}-practise`}>
            {t("practice.study.practiseHint", { count: questionCount })}
          </p>
        </li>
      )}
      <li className={styles["study-actions__item"]}>
        {generateTo ? (
          <ButtonLink
            variant={questionCount === 0 ? "primary" : "secondary"}
            block
            to={generateTo}
            aria-describedby={`${id}-generate`}
          >
            {t("catalog.study.actions.generate.label")}
          </ButtonLink>
        ) : (
          <Button variant="secondary" disabled block aria-describedby={`${id}-generate`}>
            {t("catalog.study.actions.generate.label")}
          </Button>
        )}
        <p className={styles["study-actions__hint"]} id={`${id}-generate`}>
          {t("catalog.study.actions.generate.hint")}
        </p>
      </li>
      <li className={styles["study-actions__item"]}>
        {isDue ? (
          <ButtonLink
            variant="secondary"
            block
            to={practicePaths.session(examCode, subObjectiveCode, "due")}
            aria-describedby={`${id}-review`}
          >
            {t("catalog.study.actions.review.label")}
          </ButtonLink>
        ) : (
          <Button variant="secondary" disabled block aria-describedby={`${id}-review`}>
            {t("catalog.study.actions.review.label")}
          </Button>
        )}
        <p className={styles["study-actions__hint"]} id={`${id}-review`}>
          {reviewHint}
        </p>
      </li>
    </ul>
  );
}

import { useTranslation } from "react-i18next";
import type { Objective } from "@/api/types";
import styles from "./Badges.module.css";

/** The exam weight of a domain, as text and as a bar (the bar is decoration). */
export function WeightBar({ percent, className }: { percent: number; className?: string }) {
  const { t } = useTranslation();
  const width = Math.max(0, Math.min(100, percent));
  return (
    <div className={className ? `${styles.weight} ${className}` : styles.weight}>
      <span className={styles.weight__label}>{t("catalog.weight.label", { percent })}</span>
      <span className={styles.weight__track} aria-hidden="true">
        <span className={styles.weight__fill} style={{ width: `${width}%` }} />
      </span>
    </div>
  );
}

/**
 * The objective's action verb ("Explain", "Summarize"…), or for "Given a scenario" objectives a
 * distinct scenario badge (their verb is the scenario itself).
 */
export function ObjectiveBadges({
  objective,
}: {
  objective: Pick<Objective, "verb" | "verbEn" | "scenarioBased">;
}) {
  const { t, i18n } = useTranslation();
  const title = i18n.language === "en" ? undefined : objective.verbEn;
  return (
    <span className={styles["objective-badges"]}>
      {objective.scenarioBased ? (
        <span className="tag tag--scenario" title={title}>
          {t("catalog.objective.scenarioBadge")}
        </span>
      ) : (
        <span className="tag tag--verb" title={title}>
          <span className="visually-hidden">{t("catalog.objective.verbLabel")} </span>
          {objective.verb}
        </span>
      )}
    </span>
  );
}

/**
 * How many questions a sub-objective has in the learner's language (the API counts only what
 * learners may practise); "no questions yet" when there are none, so nobody is sent to an empty
 * practice session. `question-count` stays a plain class for the end-to-end tests.
 */
export function QuestionCount({ count, className }: { count: number; className?: string }) {
  const { t } = useTranslation();
  const empty = count === 0;
  return (
    <span
      className={`tag ${empty ? "tag--empty" : "tag--verb"} question-count${
        empty ? " question-count--empty" : ""
      }${className ? ` ${className}` : ""}`}
    >
      {empty ? t("catalog.counts.noQuestions") : t("catalog.counts.questions", { count })}
    </span>
  );
}

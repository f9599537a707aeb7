import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { Recommendation } from "@/api/types";
import { ButtonLink, SkeletonBlock } from "@/components/ui";
import { catalogPaths, QuestionCount } from "@/features/catalog";
import { practicePaths } from "@/features/practice";
import { MasteryBadge, useRecommendations } from "@/features/progress";
import domainProgressStyles from "./DomainProgress.module.css";
import styles from "./Recommendations.module.css";
import { SectionError } from "./Status";

/** The session a recommendation starts: its reviews when some are due, else mixed practice. */
export function recommendationPath(examCode: string, item: Recommendation): string {
  return practicePaths.session(
    examCode,
    item.code,
    item.reasons.includes("due_reviews") ? "due" : undefined,
  );
}

function RecommendationItem({ item, examCode }: { item: Recommendation; examCode: string }) {
  const { t } = useTranslation();
  return (
    <li className={styles.reco}>
      <div className={styles.reco__body}>
        <p className={styles.reco__title}>
          <Link
            className={styles.reco__study}
            to={catalogPaths.subObjective(examCode, item.objectiveCode, item.code)}
          >
            <span className={domainProgressStyles["progress-row__code"]}>{item.code}</span>{" "}
            {item.title}
          </Link>
        </p>
        <ul
          className={styles.reco__reasons}
          aria-label={t("dashboard.recommendations.reasonsLabel")}
        >
          <li>
            <MasteryBadge mastery={{ level: item.level, score: item.mastery }} />
          </li>
          <li>
            <QuestionCount count={item.questionCount} />
          </li>
          {item.reasons.map((reason) => (
            <li
              key={reason}
              className={`tag ${styles.reco__reason} ${styles[`reco__reason--${reason}`]}`}
            >
              {t(`dashboard.recommendations.reasons.${reason}`)}
              {reason === "due_reviews" && item.dueCount > 0 ? ` (${item.dueCount})` : ""}
              {reason === "misconceptions" && item.misconceptions > 0
                ? ` (${item.misconceptions})`
                : ""}
            </li>
          ))}
        </ul>
      </div>
      <ButtonLink
        to={recommendationPath(examCode, item)}
        className={styles.reco__action}
        aria-label={t("dashboard.recommendations.practiseLabel", {
          code: item.code,
          title: item.title,
        })}
      >
        {t("dashboard.recommendations.practise")}
      </ButtonLink>
    </li>
  );
}

/** Up to five sub-objectives to work on, each with why and a link that starts the session. */
export function Recommendations({ examCode }: { examCode: string }) {
  const { t } = useTranslation();
  const recommendations = useRecommendations(examCode);
  return (
    <section className={`card`} aria-labelledby="reco-title">
      <h2 id="reco-title" className="section-title">
        {t("dashboard.recommendations.title")}
      </h2>
      <p className="section-lead">{t("dashboard.recommendations.lead")}</p>
      {recommendations.isPending ? (
        <SkeletonBlock lines={3} />
      ) : recommendations.isError ? (
        <SectionError error={recommendations.error} onRetry={() => recommendations.refetch()} />
      ) : recommendations.data.length === 0 ? (
        <p className="empty-state">{t("dashboard.recommendations.none")}</p>
      ) : (
        <ul className={domainProgressStyles["reco-list"]} aria-labelledby="reco-title">
          {recommendations.data.map((item) => (
            <RecommendationItem key={item.id} item={item} examCode={examCode} />
          ))}
        </ul>
      )}
    </section>
  );
}

import { useTranslation } from "react-i18next";
import { ButtonLink, Card, PageHeading, SkeletonBlock } from "@/components/ui";
import { useCurrentUser } from "@/features/auth";
import { catalogPaths, DEFAULT_EXAM_CODE } from "@/features/catalog";
import { useProgressSummary, useRecommendations } from "@/features/progress";
import { todayIn } from "../lib/dates";
import { ActivityCalendar } from "./ActivityCalendar";
import styles from "./Dashboard.module.css";
import { DomainProgress } from "./DomainProgress";
import { ExamPlan } from "./ExamPlan";
import { MasteryHeatmap } from "./MasteryHeatmap";
import { ReadinessCard } from "./ReadinessCard";
import { Recommendations, recommendationPath } from "./Recommendations";
import { StatCards } from "./StatCards";
import { SectionError } from "./Status";

/** A new learner: what the dashboard will show, and a first session to start. */
function FirstSteps({ examCode, className }: { examCode: string; className?: string }) {
  const { t } = useTranslation();
  const recommendations = useRecommendations(examCode);
  const first = recommendations.data?.[0];
  return (
    <Card
      aria-labelledby="first-steps-title"
      className={`empty-state empty-state--boxed ${styles["first-steps"]} ${className ?? ""}`}
    >
      <h2 id="first-steps-title" className="empty-state__title">
        {t("dashboard.empty.title")}
      </h2>
      <p>{t("dashboard.empty.body")}</p>
      <div className="button-row">
        {first ? (
          <ButtonLink to={recommendationPath(examCode, first)}>
            {t("dashboard.empty.startWith", { code: first.code, title: first.title })}
          </ButtonLink>
        ) : null}
        <ButtonLink to={catalogPaths.exam(examCode)} variant={first ? "secondary" : "primary"}>
          {t("dashboard.empty.catalog")}
        </ButtonLink>
      </div>
    </Card>
  );
}

/** /dashboard — the learner's figures, readiness, progress, activity, next steps and plan. */
export function Dashboard({ examCode = DEFAULT_EXAM_CODE }: { examCode?: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const summary = useProgressSummary(examCode);
  const today = todayIn(user?.timeZone);
  // From 1024px the grid has two columns: these sections take both.
  const wide = styles.dashboard__wide;

  return (
    <div className={`page`}>
      <header className="level-header">
        <PageHeading title={t("dashboard.title")}>{t("dashboard.title")}</PageHeading>
        <p className="level-header__lead">{t("dashboard.lead")}</p>
      </header>
      {summary.isPending ? (
        <SkeletonBlock lines={6} />
      ) : summary.isError ? (
        <SectionError error={summary.error} onRetry={() => summary.refetch()} />
      ) : summary.data.answered === 0 ? (
        <div className={styles.dashboard__grid}>
          <FirstSteps examCode={examCode} className={wide} />
          <Recommendations examCode={examCode} />
          <ExamPlan examCode={examCode} today={today} />
        </div>
      ) : (
        <div className={styles.dashboard__grid}>
          <StatCards summary={summary.data} examCode={examCode} className={wide} />
          <ReadinessCard readiness={summary.data.readiness} />
          <Recommendations examCode={examCode} />
          <DomainProgress examCode={examCode} className={wide} />
          <MasteryHeatmap examCode={examCode} className={wide} />
          <ActivityCalendar today={today} className={wide} />
          <ExamPlan examCode={examCode} today={today} />
        </div>
      )}
    </div>
  );
}

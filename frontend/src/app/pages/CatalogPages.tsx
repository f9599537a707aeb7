import { useTranslation } from "react-i18next";
import { Link, Navigate, useLocation, useParams, useSearchParams } from "react-router";
import { PageHeading, SkeletonBlock } from "@/components/ui";
import {
  CatalogError,
  type CatalogLocation,
  CatalogSearch,
  CatalogTree,
  catalogPaths,
  DomainView,
  ExamOverview,
  Glossary,
  LocalizedTitle,
  ObjectiveView,
  parseCatalogParams,
  StudyView,
  useExams,
} from "@/features/catalog";
import catalogListStyles from "@/features/catalog/components/CatalogList.module.css";
import { generationPaths } from "@/features/generation";
import { StudyPracticeActions } from "@/features/practice";
import { useMediaQuery } from "@/lib/use-media-query";
import { ErrorBoundary } from "../components/ErrorBoundary";
import { GlossaryIcon } from "../components/Icons";
import styles from "./CatalogPages.module.css";

/** From this width the outline sits beside the detail pane; below, one level per screen. */
export const DESKTOP_QUERY = "(min-width: 1024px)";

/** /catalog: straight to the exam when there is one, else the list of exams. */
export function CatalogIndexPage() {
  const { t } = useTranslation();
  const exams = useExams();
  if (exams.isPending) return <SkeletonBlock lines={4} />;
  if (exams.isError) return <CatalogError error={exams.error} onRetry={() => exams.refetch()} />;
  const [only] = exams.data;
  if (exams.data.length === 1 && only)
    return <Navigate replace to={catalogPaths.exam(only.code)} />;
  return (
    <div className="page page--narrow">
      <PageHeading title={t("app.titles.catalog")}>{t("catalog.title")}</PageHeading>
      <p className="level-header__lead">{t("catalog.lead")}</p>
      {exams.data.length === 0 ? (
        <p className="empty-state">{t("catalog.empty.exams")}</p>
      ) : (
        <ul className={catalogListStyles["catalog-list"]}>
          {exams.data.map((exam) => (
            <li key={exam.code} className={catalogListStyles["catalog-item"]}>
              <Link
                to={catalogPaths.exam(exam.code)}
                className={catalogListStyles["catalog-item__link"]}
              >
                <span className={catalogListStyles["catalog-item__code"]}>{exam.code}</span>
                <span className={catalogListStyles["catalog-item__title"]}>
                  <LocalizedTitle title={exam.name} fallback={exam.fallback} />
                </span>
                <span className={catalogListStyles["catalog-item__chevron"]} aria-hidden="true" />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function CatalogLevel({ location, topic }: { location: CatalogLocation; topic: string | null }) {
  switch (location.level) {
    case "exam":
      return <ExamOverview examCode={location.examCode} />;
    case "domain":
      return <DomainView examCode={location.examCode} domainCode={location.domainCode} />;
    case "objective":
      return <ObjectiveView examCode={location.examCode} objectiveCode={location.objectiveCode} />;
    case "subObjective":
      return (
        <StudyView
          examCode={location.examCode}
          objectiveCode={location.objectiveCode}
          subObjectiveCode={location.subObjectiveCode}
          topicCode={topic}
          actions={(subObjective) => (
            <StudyPracticeActions
              examCode={location.examCode}
              subObjectiveCode={subObjective.code}
              questionCount={subObjective.questionCount}
              generateTo={generationPaths.generate(location.examCode, subObjective.code)}
            />
          )}
        />
      );
  }
}

/**
 * /catalog/:examCode/:code?/:subCode? — one level per screen on a phone; from 1024px the outline
 * (the /tree endpoint) beside the same detail pane. The search box is on every level.
 */
export function CatalogPage() {
  const { t } = useTranslation();
  const params = useParams();
  const [searchParams] = useSearchParams();
  const { pathname } = useLocation();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const location = parseCatalogParams(params);

  return (
    <div className={`${styles.catalog}${desktop ? ` ${styles["catalog--with-outline"]}` : ""}`}>
      {desktop ? (
        <aside className={styles.catalog__outline}>
          <CatalogTree location={location} />
        </aside>
      ) : null}
      <div className={styles.catalog__main}>
        <div className={styles.catalog__tools}>
          <CatalogSearch examCode={location.examCode} />
          <Link to={catalogPaths.glossary()} className={styles["catalog__glossary-link"]}>
            <GlossaryIcon />
            <span>{t("catalog.glossary.catalogLink")}</span>
          </Link>
        </div>
        <ErrorBoundary key={pathname}>
          <CatalogLevel location={location} topic={searchParams.get("topic")} />
        </ErrorBoundary>
      </div>
    </div>
  );
}

export function GlossaryPage() {
  const { t } = useTranslation();
  return (
    <div className="page page--narrow">
      <header className="level-header">
        <PageHeading title={t("app.titles.glossary")}>{t("catalog.glossary.title")}</PageHeading>
        <p className="level-header__lead">{t("catalog.glossary.lead")}</p>
      </header>
      <Glossary />
    </div>
  );
}

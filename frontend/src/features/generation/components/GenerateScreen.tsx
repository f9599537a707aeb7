import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { Alert, PageHeading, SkeletonBlock } from "@/components/ui";
import {
  CatalogError,
  catalogPaths,
  LocalizedTitle,
  useCatalogLanguage,
  useSubObjective,
} from "@/features/catalog";
import { practicePaths } from "@/features/practice";
import { GenerateForm } from "./GenerateForm";
import styles from "./GenerateScreen.module.css";
import { RunView } from "./RunView";

/**
 * /generate/:exam/:subCode — AI training questions on one sub-objective: the form, then the run
 * (its id kept in `?run=`), whose questions can be answered as soon as they arrive.
 */
export function GenerateScreen({
  examCode,
  subObjectiveCode,
}: {
  examCode: string;
  subObjectiveCode: string;
}) {
  const { t } = useTranslation();
  const lang = useCatalogLanguage();
  const detail = useSubObjective(examCode, subObjectiveCode);
  const [searchParams, setSearchParams] = useSearchParams();
  const runId = searchParams.get("run");

  if (detail.isError) {
    return (
      <CatalogError error={detail.error} onRetry={() => detail.refetch()} examCode={examCode} />
    );
  }
  if (!detail.data) return <SkeletonBlock lines={6} />;
  const data = detail.data;
  const studyPath = catalogPaths.subObjective(examCode, data.objective.code, data.code);
  const practiseTo = practicePaths.session(examCode, data.code);

  return (
    <div className={`page page--narrow ${styles.generate}`}>
      <header className="practice__header">
        <p className="level-header__eyebrow">{t("generation.title")}</p>
        <PageHeading title={`${t("generation.title")} · ${data.code} ${data.title}`}>
          <span className="practice__code">{data.code}</span>{" "}
          <LocalizedTitle title={data.title} fallback={data.fallback} />
        </PageHeading>
      </header>

      <Alert tone="info" title={t("generation.notice.title")}>
        <p>{t("generation.notice.body")}</p>
      </Alert>

      {runId ? (
        <RunView
          key={runId}
          runId={runId}
          lang={lang}
          onAgain={() => setSearchParams({}, { replace: false })}
        />
      ) : (
        <GenerateForm
          subObjectiveId={data.id}
          lang={lang}
          practiseTo={practiseTo}
          onStarted={(started) => setSearchParams({ run: started.runId })}
        />
      )}

      <p className="practice__back">
        <Link to={studyPath}>{t("generation.back")}</Link>
      </p>
    </div>
  );
}

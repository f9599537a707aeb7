import { useTranslation } from "react-i18next";
import { PageHeading, SkeletonBlock } from "@/components/ui";
import { useDomains, useExams } from "../api/queries";
import { catalogPaths } from "../lib/paths";
import { WeightBar } from "./Badges";
import { Breadcrumbs } from "./Breadcrumbs";
import { CatalogList, CatalogListItem, LevelHeader } from "./CatalogList";
import catalogListStyles from "./CatalogList.module.css";
import styles from "./ExamOverview.module.css";
import { CatalogError } from "./Status";

/** /catalog/:exam — the exam's facts and its weighted domains. */
export function ExamOverview({ examCode }: { examCode: string }) {
  const { t } = useTranslation();
  const exams = useExams();
  const domains = useDomains(examCode);
  const exam = exams.data?.find((item) => item.code === examCode);
  const examName = exam?.name ?? examCode;

  if (domains.isError) {
    return <CatalogError error={domains.error} onRetry={() => domains.refetch()} />;
  }

  return (
    <div className="level">
      <Breadcrumbs items={[{ to: catalogPaths.exam(examCode), label: examName }]} />
      <LevelHeader
        eyebrow={exam ? `${exam.vendor} · ${exam.code}` : examCode}
        heading={<PageHeading title={examName}>{examName}</PageHeading>}
      >
        <p className="level-header__lead">{t("catalog.exam.lead")}</p>
        {exam ? (
          <dl className={styles["exam-facts"]}>
            <div>
              <dt>{t("catalog.exam.questions")}</dt>
              <dd>{t("catalog.exam.questionsValue", { count: exam.maxQuestions })}</dd>
            </div>
            <div>
              <dt>{t("catalog.exam.duration")}</dt>
              <dd>{t("catalog.exam.durationValue", { minutes: exam.durationMinutes })}</dd>
            </div>
            <div>
              <dt>{t("catalog.exam.passing")}</dt>
              <dd>
                {t("catalog.exam.passingValue", {
                  score: exam.passingScore,
                  min: exam.scoreMin,
                  max: exam.scoreMax,
                })}
              </dd>
            </div>
          </dl>
        ) : null}
      </LevelHeader>
      <section aria-labelledby="domains-title">
        <h2 id="domains-title" className="section-title">
          {t("catalog.exam.domainsTitle")}
        </h2>
        {domains.isPending ? (
          <SkeletonBlock lines={5} />
        ) : domains.data.length === 0 ? (
          <p className="empty-state">{t("catalog.empty.domains")}</p>
        ) : (
          <CatalogList labelledBy="domains-title">
            {domains.data.map((domain) => (
              <CatalogListItem
                key={domain.code}
                to={catalogPaths.domain(examCode, domain.code)}
                code={domain.code}
                title={domain.title}
                titleEn={domain.titleEn}
                fallback={domain.fallback}
              >
                <WeightBar
                  percent={domain.weightPercent}
                  className={catalogListStyles["catalog-item__weight"]}
                />
                <span>{t("catalog.counts.objectives", { count: domain.objectiveCount })}</span>
              </CatalogListItem>
            ))}
          </CatalogList>
        )}
      </section>
    </div>
  );
}

import { useTranslation } from "react-i18next";
import { PageHeading, SkeletonBlock } from "@/components/ui";
import { useDomains, useExams, useObjectives } from "../api/queries";
import { catalogPaths } from "../lib/paths";
import { ObjectiveBadges, WeightBar } from "./Badges";
import { Breadcrumbs } from "./Breadcrumbs";
import { CatalogList, CatalogListItem, LevelHeader } from "./CatalogList";
import { CatalogError } from "./Status";
import { LocalizedTitle, OfficialWording } from "./Wording";

/** /catalog/:exam/:domain — a domain, its weight and its objectives. */
export function DomainView({ examCode, domainCode }: { examCode: string; domainCode: string }) {
  const { t } = useTranslation();
  const exams = useExams();
  const domains = useDomains(examCode);
  // Answers 404 (with the localized message) for an unknown exam or domain.
  const objectives = useObjectives(examCode, domainCode);
  const examName = exams.data?.find((item) => item.code === examCode)?.name ?? examCode;
  const domain = domains.data?.find((item) => item.code === domainCode);

  const failed = objectives.isError ? objectives : domains.isError ? domains : null;
  if (failed) {
    return (
      <CatalogError error={failed.error} onRetry={() => failed.refetch()} examCode={examCode} />
    );
  }

  const crumbs = [
    { to: catalogPaths.exam(examCode), label: examName },
    {
      to: catalogPaths.domain(examCode, domainCode),
      code: domainCode,
      label: domain?.title ?? "",
      fallback: domain?.fallback,
    },
  ];

  return (
    <div className="level">
      <Breadcrumbs items={crumbs} />
      {domain ? (
        <LevelHeader
          eyebrow={t("catalog.domain.eyebrow", { code: domain.code })}
          heading={
            <PageHeading title={`${domain.code} ${domain.title}`}>
              <LocalizedTitle title={domain.title} fallback={domain.fallback} />
            </PageHeading>
          }
        >
          <OfficialWording titleEn={domain.titleEn} fallback={domain.fallback} />
          <WeightBar percent={domain.weightPercent} />
        </LevelHeader>
      ) : (
        <SkeletonBlock lines={2} />
      )}
      <section aria-labelledby="objectives-title">
        <h2 id="objectives-title" className="section-title">
          {t("catalog.domain.objectivesTitle")}
        </h2>
        {!objectives.data ? (
          <SkeletonBlock lines={5} />
        ) : objectives.data.length === 0 ? (
          <p className="empty-state">{t("catalog.empty.objectives")}</p>
        ) : (
          <CatalogList labelledBy="objectives-title">
            {objectives.data.map((objective) => (
              <CatalogListItem
                key={objective.code}
                to={catalogPaths.objective(examCode, objective.code)}
                code={objective.code}
                title={objective.title}
                titleEn={objective.titleEn}
                fallback={objective.fallback}
              >
                <ObjectiveBadges objective={objective} />
                <span>
                  {t("catalog.counts.subObjectives", { count: objective.subObjectiveCount })}
                </span>
              </CatalogListItem>
            ))}
          </CatalogList>
        )}
      </section>
    </div>
  );
}

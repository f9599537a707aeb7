import { useTranslation } from "react-i18next";
import { PageHeading, SkeletonBlock } from "@/components/ui";
import { MasteryBadge, useMasteryByCode } from "@/features/progress";
import { useDomains, useExams, useObjectives, useSubObjectives } from "../api/queries";
import { catalogPaths } from "../lib/paths";
import { ObjectiveBadges, QuestionCount } from "./Badges";
import { Breadcrumbs } from "./Breadcrumbs";
import { CatalogList, CatalogListItem, LevelHeader } from "./CatalogList";
import { ScenarioHint } from "./ScenarioHint";
import { CatalogError } from "./Status";
import { LocalizedTitle, OfficialWording } from "./Wording";

/** /catalog/:exam/:objective — an objective, its verb and its sub-objectives. */
export function ObjectiveView({
  examCode,
  objectiveCode,
}: {
  examCode: string;
  objectiveCode: string;
}) {
  const { t } = useTranslation();
  const exams = useExams();
  // Answers 404 (with the localized message) for an unknown exam or objective.
  const subObjectives = useSubObjectives(examCode, objectiveCode);
  const objectives = useObjectives(examCode, null);
  const domains = useDomains(examCode);
  const mastery = useMasteryByCode(examCode);
  const examName = exams.data?.find((item) => item.code === examCode)?.name ?? examCode;
  const objective = objectives.data?.find((item) => item.code === objectiveCode);
  const domain = domains.data?.find((item) => item.code === objective?.domainCode);

  const failed = subObjectives.isError
    ? subObjectives
    : objectives.isError
      ? objectives
      : domains.isError
        ? domains
        : null;
  if (failed) {
    return (
      <CatalogError error={failed.error} onRetry={() => failed.refetch()} examCode={examCode} />
    );
  }

  const crumbs = [
    { to: catalogPaths.exam(examCode), label: examName },
    ...(domain
      ? [
          {
            to: catalogPaths.domain(examCode, domain.code),
            code: domain.code,
            label: domain.title,
            fallback: domain.fallback,
          },
        ]
      : []),
    {
      to: catalogPaths.objective(examCode, objectiveCode),
      code: objectiveCode,
      label: objective?.title ?? "",
      fallback: objective?.fallback,
    },
  ];

  return (
    <div className="level">
      <Breadcrumbs items={crumbs} />
      {objective ? (
        <LevelHeader
          eyebrow={t("catalog.objective.eyebrow", { code: objective.code })}
          heading={
            <PageHeading title={`${objective.code} ${objective.title}`}>
              <LocalizedTitle title={objective.title} fallback={objective.fallback} />
            </PageHeading>
          }
        >
          <OfficialWording titleEn={objective.titleEn} fallback={objective.fallback} />
          <p className="level-header__badges">
            <ObjectiveBadges objective={objective} />
          </p>
          {objective.scenarioBased ? <ScenarioHint /> : null}
        </LevelHeader>
      ) : (
        <SkeletonBlock lines={2} />
      )}
      <section aria-labelledby="sub-objectives-title">
        <h2 id="sub-objectives-title" className="section-title">
          {t("catalog.objective.subObjectivesTitle")}
        </h2>
        {!subObjectives.data ? (
          <SkeletonBlock lines={5} />
        ) : subObjectives.data.length === 0 ? (
          <p className="empty-state">{t("catalog.empty.subObjectives")}</p>
        ) : (
          <CatalogList labelledBy="sub-objectives-title">
            {subObjectives.data.map((sub) => (
              <CatalogListItem
                key={sub.code}
                to={catalogPaths.subObjective(examCode, objectiveCode, sub.code)}
                code={sub.code}
                title={sub.title}
                titleEn={sub.titleEn}
                fallback={sub.fallback}
              >
                <span>{t("catalog.counts.topics", { count: sub.topicCount })}</span>
                <QuestionCount count={sub.questionCount} />
                {mastery.ready ? <MasteryBadge mastery={mastery.get(sub.code)} /> : null}
              </CatalogListItem>
            ))}
          </CatalogList>
        )}
      </section>
    </div>
  );
}

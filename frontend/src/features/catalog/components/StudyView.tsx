import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import type { SubObjectiveDetail } from "@/api/types";
import { PageHeading, SkeletonBlock } from "@/components/ui";
import { MasteryBadge, useMasteryByCode } from "@/features/progress";
import { useExams, useSubObjective } from "../api/queries";
import { catalogPaths } from "../lib/paths";
import { ObjectiveBadges, QuestionCount, WeightBar } from "./Badges";
import { Breadcrumbs } from "./Breadcrumbs";
import { LevelHeader } from "./CatalogList";
import catalogListStyles from "./CatalogList.module.css";
import { ScenarioHint } from "./ScenarioHint";
import { CatalogError } from "./Status";
import { StudyNote } from "./StudyNote";
import styles from "./StudyView.module.css";
import { LocalizedTitle, OfficialWording } from "./Wording";

/** /catalog/:exam/:objective/:subObjective — the study screen of one sub-objective. */
export function StudyView({
  examCode,
  objectiveCode,
  subObjectiveCode,
  topicCode,
  actions,
}: {
  examCode: string;
  /** Null when the URL gave the sub-objective alone: redirected to the canonical URL. */
  objectiveCode: string | null;
  subObjectiveCode: string;
  /** A topic to point out (from a search hit). */
  topicCode?: string | null;
  /** The study actions (practise, review…), composed by the app from the practice feature, for
   * the sub-objective once loaded (they depend on how many questions it has). */
  actions: (subObjective: SubObjectiveDetail) => ReactNode;
}) {
  const { t } = useTranslation();
  const exams = useExams();
  const detail = useSubObjective(examCode, subObjectiveCode);
  const mastery = useMasteryByCode(examCode);
  const examName = exams.data?.find((item) => item.code === examCode)?.name ?? examCode;
  const highlighted = useRef<HTMLLIElement | null>(null);
  const data = detail.data;
  const topic = data?.topics.find((item) => item.code === topicCode);

  useEffect(() => {
    if (topic) highlighted.current?.scrollIntoView?.({ block: "center" });
  }, [topic]);

  if (detail.isError) {
    return (
      <CatalogError error={detail.error} onRetry={() => detail.refetch()} examCode={examCode} />
    );
  }
  if (!data) {
    return (
      <div className="level">
        <SkeletonBlock lines={6} />
      </div>
    );
  }
  if (data.objective.code !== objectiveCode) {
    return (
      <Navigate
        replace
        to={catalogPaths.subObjective(
          data.examCode,
          data.objective.code,
          data.code,
          topicCode ?? undefined,
        )}
      />
    );
  }

  const { objective, domain } = data;
  const crumbs = [
    { to: catalogPaths.exam(examCode), label: examName },
    {
      to: catalogPaths.domain(examCode, domain.code),
      code: domain.code,
      label: domain.title,
      fallback: domain.fallback,
    },
    {
      to: catalogPaths.objective(examCode, objective.code),
      code: objective.code,
      label: objective.title,
      fallback: objective.fallback,
    },
    {
      to: catalogPaths.subObjective(examCode, objective.code, data.code),
      code: data.code,
      label: data.title,
      fallback: data.fallback,
    },
  ];

  return (
    <div className={`level`}>
      <Breadcrumbs items={crumbs} />
      <LevelHeader
        eyebrow={t("catalog.study.eyebrow", { code: data.code })}
        heading={
          <PageHeading title={`${data.code} ${data.title}`}>
            <LocalizedTitle title={data.title} fallback={data.fallback} />
          </PageHeading>
        }
      >
        <OfficialWording titleEn={data.titleEn} fallback={data.fallback} />
        <p className="level-header__badges">
          {mastery.ready ? <MasteryBadge mastery={mastery.get(data.code)} /> : null}
          <QuestionCount count={data.questionCount} />
        </p>
      </LevelHeader>

      {/* The main action first: on a phone it is on the first screen, and from the keyboard a
          few Tab presses after the heading. */}
      <section aria-labelledby="study-actions">
        <h2 id="study-actions" className="section-title">
          {t("catalog.study.actionsTitle")}
        </h2>
        {actions(data)}
      </section>

      {/* Then the note: the practice actions stay a few Tab presses from the top. */}
      <StudyNote examCode={examCode} subObjectiveCode={data.code} />

      <div className={styles.study__context}>
        <section className={styles["context-card"]} aria-labelledby="study-objective">
          <h2 id="study-objective" className={styles["context-card__label"]}>
            {t("catalog.study.objectiveTitle")}
          </h2>
          <p className={styles["context-card__title"]}>
            <Link to={catalogPaths.objective(examCode, objective.code)}>
              <span className={catalogListStyles["catalog-item__code"]}>{objective.code}</span>{" "}
              <LocalizedTitle title={objective.title} fallback={objective.fallback} />
            </Link>
          </p>
          <OfficialWording titleEn={objective.titleEn} fallback={objective.fallback} compact />
          <p className={styles["context-card__badges"]}>
            <ObjectiveBadges objective={objective} />
          </p>
          {objective.scenarioBased ? <ScenarioHint /> : null}
        </section>
        <section className={styles["context-card"]} aria-labelledby="study-domain">
          <h2 id="study-domain" className={styles["context-card__label"]}>
            {t("catalog.study.domainTitle")}
          </h2>
          <p className={styles["context-card__title"]}>
            <Link to={catalogPaths.domain(examCode, domain.code)}>
              <span className={catalogListStyles["catalog-item__code"]}>{domain.code}</span>{" "}
              <LocalizedTitle title={domain.title} fallback={domain.fallback} />
            </Link>
          </p>
          <WeightBar percent={domain.weightPercent} />
        </section>
      </div>

      <section aria-labelledby="study-topics">
        <h2 id="study-topics" className="section-title">
          {t("catalog.study.topicsTitle")}
        </h2>
        {topic ? (
          <p className={styles.study__found} role="status">
            {t("catalog.study.fromSearch", { title: topic.title })}
          </p>
        ) : null}
        {data.topics.length === 0 ? (
          <p className="empty-state">{t("catalog.empty.topics")}</p>
        ) : (
          <ul className={styles.topics}>
            {data.topics.map((item) => {
              const isHit = item.code === topic?.code;
              return (
                <li
                  key={item.code}
                  ref={isHit ? highlighted : undefined}
                  className={`${styles.topics__item}${isHit ? ` ${styles["topics__item--hit"]}` : ""}`}
                  aria-current={isHit ? "true" : undefined}
                >
                  <span className={styles.topics__code}>{item.code}</span>
                  <span className={styles.topics__body}>
                    <LocalizedTitle title={item.title} fallback={item.fallback} />
                    <OfficialWording titleEn={item.titleEn} fallback={item.fallback} compact />
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}

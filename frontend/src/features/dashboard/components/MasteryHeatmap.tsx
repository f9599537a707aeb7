import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { ProgressNode } from "@/api/types";
import { SkeletonBlock } from "@/components/ui";
import {
  MASTERY_LEVELS,
  useLevelName,
  useProgressByDomain,
  useProgressByObjective,
} from "@/features/progress";
import { useDrillDown } from "../lib/drill";
import dashboardStyles from "./Dashboard.module.css";
import styles from "./MasteryHeatmap.module.css";
import { SectionError, TableScroll, TableToggle } from "./Status";
import statusStyles from "./Status.module.css";

interface Row {
  domain: ProgressNode;
  objectives: ProgressNode[];
}

function rowsOf(domains: ProgressNode[], objectives: ProgressNode[]): Row[] {
  return domains.map((domain) => ({
    domain,
    objectives: objectives.filter((objective) => objective.parentCode === domain.code),
  }));
}

/** The level names with their colours, so the colours are never the only clue. */
export function MasteryLegend() {
  const { t } = useTranslation();
  const levelName = useLevelName();
  return (
    <div className={styles["heat-legend"]}>
      <span className={styles["heat-legend__title"]}>{t("dashboard.heatmap.legend")}</span>
      <ul className={styles["heat-legend__items"]}>
        {MASTERY_LEVELS.map((level) => (
          <li key={level} className={styles["heat-legend__item"]}>
            <span
              className={`${styles["heat-swatch"]} ${styles[`heat--${level}`]}`}
              aria-hidden="true"
            />
            {levelName(level)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Domains × objectives, each cell coloured by mastery with its figure and level written in it;
 * choosing a cell opens the objective's sub-objectives in "progress per domain". A table view
 * says the same in rows.
 */
export function MasteryHeatmap({ examCode, className }: { examCode: string; className?: string }) {
  const { t } = useTranslation();
  const levelName = useLevelName();
  const { open } = useDrillDown();
  const domains = useProgressByDomain(examCode);
  const objectives = useProgressByObjective(examCode, null);
  const [asTable, setAsTable] = useState(false);

  const failed = domains.isError ? domains : objectives.isError ? objectives : null;
  const rows = domains.data && objectives.data ? rowsOf(domains.data, objectives.data) : null;

  return (
    <section className={`card ${className ?? ""}`} aria-labelledby="heatmap-title">
      <div className={dashboardStyles["dashboard__section-head"]}>
        <h2 id="heatmap-title" className="section-title">
          {t("dashboard.heatmap.title")}
        </h2>
        {rows ? (
          <TableToggle
            asTable={asTable}
            onToggle={() => setAsTable((value) => !value)}
            controls="heatmap-view"
          />
        ) : null}
      </div>
      <p className="section-lead">{t("dashboard.heatmap.lead")}</p>
      {failed ? (
        <SectionError error={failed.error} onRetry={() => failed.refetch()} />
      ) : !rows ? (
        <SkeletonBlock lines={4} />
      ) : asTable ? (
        <TableScroll id="heatmap-view" label={t("dashboard.heatmap.tableCaption")}>
          <table className={statusStyles["data-table"]}>
            <caption className="visually-hidden">{t("dashboard.heatmap.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("dashboard.heatmap.domain")}</th>
                <th scope="col">{t("dashboard.heatmap.objective")}</th>
                <th scope="col">{t("dashboard.heatmap.mastery")}</th>
                <th scope="col">{t("dashboard.heatmap.level")}</th>
                <th scope="col">{t("dashboard.heatmap.questions")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.flatMap(({ domain, objectives: items }) =>
                items.map((objective) => (
                  <tr key={objective.id}>
                    <td>{domain.code}</td>
                    <th scope="row">
                      {objective.code} {objective.title}
                    </th>
                    <td>{objective.mastery}/100</td>
                    <td>{levelName(objective.level)}</td>
                    <td>{objective.questionCount}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <>
          {/* Its cells wrap: it fits the screen and never scrolls sideways. */}
          <section id="heatmap-view" aria-label={t("dashboard.heatmap.scrollLabel")}>
            <ul className={styles.heatmap__rows}>
              {rows.map(({ domain, objectives: items }) => (
                <li key={domain.id} className={styles.heatmap__row}>
                  <span className={styles.heatmap__domain} title={domain.title}>
                    <span className={styles["heatmap__domain-code"]}>{domain.code}</span>
                    <span className={styles["heatmap__domain-title"]}>{domain.title}</span>
                  </span>
                  <ul className={styles.heatmap__cells}>
                    {items.map((objective) => (
                      <li key={objective.id}>
                        <button
                          type="button"
                          className={`${styles["heat-cell"]} heat-cell ${styles[`heat--${objective.level}`]} heat--${objective.level}`}
                          aria-label={t("dashboard.heatmap.cellLabel", {
                            code: objective.code,
                            title: objective.title,
                            mastery: objective.mastery,
                            level: levelName(objective.level),
                            questions: t("dashboard.domains.questions", {
                              count: objective.questionCount,
                            }),
                          })}
                          title={`${objective.code} ${objective.title} · ${t(
                            "dashboard.domains.questions",
                            { count: objective.questionCount },
                          )}`}
                          onClick={() => open({ domain: domain.code, objective: objective.code })}
                        >
                          {/* Spaced, so the visible text reads as it starts the name. */}
                          <span className={styles["heat-cell__code"]}>{objective.code}</span>{" "}
                          <span className={styles["heat-cell__value"]}>{objective.mastery}</span>{" "}
                          <span className={styles["heat-cell__level"]}>
                            {levelName(objective.level)}
                          </span>
                        </button>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </section>
          <MasteryLegend />
        </>
      )}
    </section>
  );
}

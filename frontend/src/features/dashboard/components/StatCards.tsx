import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ProgressSummary } from "@/api/types";
import { ButtonLink } from "@/components/ui";
import { practicePaths } from "@/features/practice";
import { formatNumber, formatPercent, splitDuration } from "../lib/format";
import styles from "./StatCards.module.css";

function Stat({
  label,
  value,
  detail,
  children,
}: {
  label: string;
  value: string;
  detail?: string;
  children?: ReactNode;
}) {
  return (
    <li className={styles.stat}>
      <p className={styles.stat__label}>{label}</p>
      <p className={`${styles.stat__value} stat__value`}>{value}</p>
      {detail ? <p className={styles.stat__detail}>{detail}</p> : null}
      {children}
    </li>
  );
}

/** The headline figures: streak, answers, accuracy, time, due reviews, average mastery. */
export function StatCards({
  summary,
  examCode,
  className,
}: {
  summary: ProgressSummary;
  examCode: string;
  className?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { hours, minutes } = splitDuration(summary.timeSpentMs);
  return (
    <ul
      className={`${styles["stat-grid"]} ${className ?? ""}`}
      aria-label={t("dashboard.stats.label")}
    >
      <Stat
        label={t("dashboard.stats.streak")}
        value={t("dashboard.stats.streakValue", { count: summary.currentStreak })}
        detail={t("dashboard.stats.bestStreak", { count: summary.bestStreak })}
      />
      <Stat
        label={t("dashboard.stats.answered")}
        value={formatNumber(summary.answered, lang)}
        detail={t("dashboard.stats.correct", { count: summary.correct })}
      />
      <Stat
        label={t("dashboard.stats.accuracy")}
        value={formatPercent(summary.accuracy, lang) ?? "–"}
        detail={
          summary.accuracy === null
            ? t("dashboard.stats.accuracyNone")
            : t("dashboard.stats.accuracyDetail")
        }
      />
      <Stat
        label={t("dashboard.stats.timeSpent")}
        value={
          hours > 0
            ? t("dashboard.stats.hours", { hours, minutes })
            : t("dashboard.stats.minutes", { minutes })
        }
        detail={t("dashboard.stats.timeDetail")}
      />
      <Stat
        label={t("dashboard.stats.dueNow")}
        value={formatNumber(summary.dueNow, lang)}
        detail={summary.dueNow > 0 ? undefined : t("dashboard.stats.nothingDue")}
      >
        {summary.dueNow > 0 ? (
          <ButtonLink
            variant="secondary"
            className={styles.stat__action}
            to={practicePaths.session(examCode, null, "due")}
          >
            {t("dashboard.stats.reviewNow")}
          </ButtonLink>
        ) : null}
      </Stat>
      <Stat
        label={t("dashboard.stats.mastery")}
        value={`${formatNumber(summary.averageMastery, lang)}/100`}
        detail={t("dashboard.stats.masteryDetail", {
          practised: summary.subObjectivesPractised,
          total: summary.subObjectivesTotal,
        })}
      />
    </ul>
  );
}

import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ProgressSummary } from "@/api/types";
import { ButtonLink } from "@/components/ui";
import { practicePaths } from "@/features/practice";
import { formatNumber, formatPercent, splitDuration } from "../lib/format";

function Stat({
  label,
  value,
  detail,
  children,
  modifier,
}: {
  label: string;
  value: string;
  detail?: string;
  children?: ReactNode;
  modifier: string;
}) {
  return (
    <li className={`stat stat--${modifier}`}>
      <p className="stat__label">{label}</p>
      <p className="stat__value">{value}</p>
      {detail ? <p className="stat__detail">{detail}</p> : null}
      {children}
    </li>
  );
}

/** The headline figures: streak, answers, accuracy, time, due reviews, average mastery. */
export function StatCards({ summary, examCode }: { summary: ProgressSummary; examCode: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { hours, minutes } = splitDuration(summary.timeSpentMs);
  return (
    <ul className="stat-grid" aria-label={t("dashboard.stats.label")}>
      <Stat
        modifier="streak"
        label={t("dashboard.stats.streak")}
        value={t("dashboard.stats.streakValue", { count: summary.currentStreak })}
        detail={t("dashboard.stats.bestStreak", { count: summary.bestStreak })}
      />
      <Stat
        modifier="answered"
        label={t("dashboard.stats.answered")}
        value={formatNumber(summary.answered, lang)}
        detail={t("dashboard.stats.correct", { count: summary.correct })}
      />
      <Stat
        modifier="accuracy"
        label={t("dashboard.stats.accuracy")}
        value={formatPercent(summary.accuracy, lang) ?? "–"}
        detail={
          summary.accuracy === null
            ? t("dashboard.stats.accuracyNone")
            : t("dashboard.stats.accuracyDetail")
        }
      />
      <Stat
        modifier="time"
        label={t("dashboard.stats.timeSpent")}
        value={
          hours > 0
            ? t("dashboard.stats.hours", { hours, minutes })
            : t("dashboard.stats.minutes", { minutes })
        }
        detail={t("dashboard.stats.timeDetail")}
      />
      <Stat
        modifier="due"
        label={t("dashboard.stats.dueNow")}
        value={formatNumber(summary.dueNow, lang)}
        detail={summary.dueNow > 0 ? undefined : t("dashboard.stats.nothingDue")}
      >
        {summary.dueNow > 0 ? (
          <ButtonLink
            variant="secondary"
            className="stat__action"
            to={practicePaths.session(examCode, null, "due")}
          >
            {t("dashboard.stats.reviewNow")}
          </ButtonLink>
        ) : null}
      </Stat>
      <Stat
        modifier="mastery"
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

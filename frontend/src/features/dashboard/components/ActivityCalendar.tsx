import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ActivityDay } from "@/api/types";
import { SkeletonBlock } from "@/components/ui";
import { useActivity } from "@/features/progress";
import { addDays, formatDay, formatMonth, weekdayIndex } from "../lib/dates";
import styles from "./ActivityCalendar.module.css";
import dashboardStyles from "./Dashboard.module.css";
import { SectionError, TableScroll, TableToggle } from "./Status";
import statusStyles from "./Status.module.css";

/** 0 (none) to 4 (20 answers or more): the cell's shade. */
/** A day's square, by level of activity; its plain class names are the end-to-end tests' too. */
function dayClass(level: number | "pad"): string {
  const modifier = `calendar__day--${level}`;
  return `${styles.calendar__day} calendar__day ${styles[modifier]} ${modifier}`;
}

export function intensity(answered: number): number {
  if (answered <= 0) return 0;
  if (answered < 5) return 1;
  if (answered < 10) return 2;
  if (answered < 20) return 3;
  return 4;
}

/** The last 12 months, ending today (365 days, both ends included). */
export function activityRange(today: string): { from: string; to: string } {
  return { from: addDays(today, -364), to: today };
}

interface Week {
  start: string;
  days: (ActivityDay | null)[];
}

/** Columns of Monday-to-Sunday weeks; the first and last weeks are padded with nulls. */
function weeksOf(days: ActivityDay[]): Week[] {
  const weeks: Week[] = [];
  const first = days[0];
  if (!first) return weeks;
  let current: Week = { start: first.date, days: Array(weekdayIndex(first.date)).fill(null) };
  for (const day of days) {
    if (current.days.length === 7) {
      weeks.push(current);
      current = { start: day.date, days: [] };
    }
    current.days.push(day);
  }
  while (current.days.length < 7) current.days.push(null);
  weeks.push(current);
  return weeks;
}

/**
 * A GitHub-style calendar of the answers given each day, with a legend and a summary sentence;
 * the table view lists the active days.
 */
export function ActivityCalendar({ today, className }: { today: string; className?: string }) {
  const { t, i18n } = useTranslation();
  const { from, to } = activityRange(today);
  const activity = useActivity(from, to);
  const [asTable, setAsTable] = useState(false);
  const scroller = useRef<HTMLElement | null>(null);

  // The most recent weeks are on the right: show them first on a narrow screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the calendar is drawn.
  useEffect(() => {
    const element = scroller.current;
    if (element) element.scrollLeft = element.scrollWidth;
  }, [activity.data, asTable]);

  const days = activity.data ?? [];
  const active = days.filter((day) => day.answered > 0);
  const total = active.reduce((sum, day) => sum + day.answered, 0);
  const weeks = weeksOf(days);
  const summary =
    total > 0
      ? t("dashboard.activity.summary", {
          count: total,
          days: t("dashboard.activity.days", { count: active.length }),
        })
      : t("dashboard.activity.noActivity");
  const dayLabel = (day: ActivityDay) =>
    t("dashboard.activity.dayLabel", {
      date: formatDay(day.date, i18n.language),
      count: day.answered,
    });

  return (
    <section className={`card ${className ?? ""}`} aria-labelledby="activity-title">
      <div className={dashboardStyles["dashboard__section-head"]}>
        <h2 id="activity-title" className="section-title">
          {t("dashboard.activity.title")}
        </h2>
        {activity.data ? (
          <TableToggle
            asTable={asTable}
            onToggle={() => setAsTable((value) => !value)}
            controls="activity-view"
          />
        ) : null}
      </div>
      {activity.isPending ? (
        <SkeletonBlock lines={3} />
      ) : activity.isError ? (
        <SectionError error={activity.error} onRetry={() => activity.refetch()} />
      ) : (
        <>
          <p className="section-lead">{summary}</p>
          {asTable ? (
            <TableScroll id="activity-view" label={t("dashboard.activity.tableCaption")}>
              {active.length > 0 ? (
                <table className={statusStyles["data-table"]}>
                  <caption className="visually-hidden">
                    {t("dashboard.activity.tableCaption")}
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("dashboard.activity.date")}</th>
                      <th scope="col">{t("dashboard.activity.answered")}</th>
                      <th scope="col">{t("dashboard.activity.correct")}</th>
                      <th scope="col">{t("dashboard.activity.minutes")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...active].reverse().map((day) => (
                      <tr key={day.date}>
                        <th scope="row">{formatDay(day.date, i18n.language)}</th>
                        <td>{day.answered}</td>
                        <td>{day.correct}</td>
                        <td>{day.minutes}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </TableScroll>
          ) : (
            <>
              <section
                id="activity-view"
                className={statusStyles.calendar__scroll}
                aria-label={t("dashboard.activity.scrollLabel")}
                // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable from the keyboard.
                tabIndex={0}
                ref={scroller}
              >
                <div className={`${styles.calendar} calendar`} role="img" aria-label={summary}>
                  {weeks.map((week, index) => {
                    const firstOfMonth = week.days.find((day) => day?.date.endsWith("-01"));
                    const label = index === 0 ? week.days.find(Boolean)?.date : firstOfMonth?.date;
                    return (
                      <div key={week.start} className={styles.calendar__week}>
                        <span className={styles.calendar__month}>
                          {label && (index === 0 || firstOfMonth)
                            ? formatMonth(label, i18n.language)
                            : ""}
                        </span>
                        {week.days.map((day, slot) =>
                          day ? (
                            <span
                              key={day.date}
                              className={dayClass(intensity(day.answered))}
                              title={dayLabel(day)}
                            />
                          ) : (
                            // biome-ignore lint/suspicious/noArrayIndexKey: fixed padding slots.
                            <span key={slot} className={dayClass("pad")} />
                          ),
                        )}
                      </div>
                    );
                  })}
                </div>
              </section>
              <div className={`${styles["calendar-legend"]} calendar-legend`} aria-hidden="true">
                <span>{t("dashboard.activity.less")}</span>
                {[0, 1, 2, 3, 4].map((level) => (
                  <span key={level} className={dayClass(level)} />
                ))}
                <span>{t("dashboard.activity.more")}</span>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}

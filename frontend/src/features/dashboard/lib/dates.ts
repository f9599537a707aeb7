import { dateFormat } from "@/lib/format";

// Calendar dates as the API sends them (YYYY-MM-DD), computed in UTC so no time zone shifts a day.

const DAY_MS = 24 * 3600 * 1000;

function toUtc(iso: string): Date {
  const [year = 1970, month = 1, day = 1] = iso.split("-").map(Number);
  return new Date(Date.UTC(year, month - 1, day));
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Today's date in a time zone (the learner's), falling back to the browser's. */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  try {
    return new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(now);
  } catch {
    return new Intl.DateTimeFormat("en-CA").format(now);
  }
}

export function addDays(iso: string, days: number): string {
  return toIso(new Date(toUtc(iso).getTime() + days * DAY_MS));
}

/** 0 for Monday … 6 for Sunday. */
export function weekdayIndex(iso: string): number {
  return (toUtc(iso).getUTCDay() + 6) % 7;
}

/** "12 Nov 2026" / « 12 nov. 2026 ». */
export function formatDay(iso: string, language: string, style: "medium" | "long" = "medium") {
  return dateFormat(language, { dateStyle: style, timeZone: "UTC" }).format(toUtc(iso));
}

/** "Mon 12 Nov" / « lun. 12 nov. », for the plan's rows. */
export function formatShortDay(iso: string, language: string) {
  return dateFormat(language, {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  }).format(toUtc(iso));
}

/** "Nov" / « nov. », for the calendar's month labels. */
export function formatMonth(iso: string, language: string) {
  return dateFormat(language, { month: "short", timeZone: "UTC" }).format(toUtc(iso));
}

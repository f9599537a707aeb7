import { formatRelative } from "@/lib/format";

/** "4 min 12 s" / "4 min 12 s": minutes and seconds (hours past 60 min), in the UI language. */
export function formatDuration(ms: number, language: string): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const unit = (value: number, name: "hour" | "minute" | "second") =>
    new Intl.NumberFormat(language, { style: "unit", unit: name, unitDisplay: "short" }).format(
      value,
    );
  const parts: string[] = [];
  if (hours) parts.push(unit(hours, "hour"));
  if (minutes || hours) parts.push(unit(minutes, "minute"));
  if (!hours) parts.push(unit(seconds, "second"));
  return parts.join(" ");
}

export function percent(correct: number, answered: number): number {
  return answered === 0 ? 0 : Math.round((correct / answered) * 100);
}

/** "in 3 days", and "in 1 minute" rather than "this minute" for what is due in under a minute. */
export function formatUpcoming(iso: string, language: string, now: Date = new Date()): string {
  const ms = new Date(iso).getTime() - now.getTime();
  if (ms >= 0 && ms < 60_000) {
    return new Intl.RelativeTimeFormat(language, { numeric: "always" }).format(1, "minute");
  }
  return formatRelative(iso, language, now);
}

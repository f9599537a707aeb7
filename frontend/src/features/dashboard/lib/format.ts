import { numberFormat } from "@/lib/format";

/** 0.72 → "72%" (« 72 % »); null → null. */
export function formatPercent(share: number | null, language: string): string | null {
  if (share === null) return null;
  return numberFormat(language, { style: "percent", maximumFractionDigits: 0 }).format(share);
}

export function formatNumber(value: number, language: string): string {
  return numberFormat(language).format(value);
}

/** Milliseconds as whole hours and minutes. */
export function splitDuration(ms: number): { hours: number; minutes: number } {
  const totalMinutes = Math.round(ms / 60000);
  return { hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 };
}

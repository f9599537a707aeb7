import type { GenerationRun, GenerationRunStatus } from "@/api/types";

/** The server is polled about once a second (never faster) while a run is in progress. */
export const POLL_INTERVAL_MS = 1000;

export const DIFFICULTIES = [1, 2, 3, 4, 5] as const;
export const COUNT_MIN = 1;
export const COUNT_MAX = 20;
export const COUNT_DEFAULT = 5;

const FINAL: readonly GenerationRunStatus[] = ["succeeded", "partial", "failed", "cancelled"];

export function isFinal(status: GenerationRunStatus | undefined): boolean {
  return status !== undefined && FINAL.includes(status);
}

/** The interval for TanStack Query's refetchInterval: polling stops at a final status. */
export function pollInterval(run: GenerationRun | undefined): number | false {
  return isFinal(run?.status) ? false : POLL_INTERVAL_MS;
}

/** The wall-clock time a Retry-After (seconds) points to. */
export function retryTime(seconds: number, language: string, now: Date = new Date()): string {
  const at = new Date(now.getTime() + seconds * 1000);
  const sameDay = at.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(language, {
    ...(sameDay ? {} : { weekday: "long" }),
    hour: "2-digit",
    minute: "2-digit",
  }).format(at);
}

/** A duration as the clock shows it: 0:07, 1:42, 1:02:05. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, "0");
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}`
    : `${minutes}:${seconds}`;
}

/** The question an unfinished run is working on: the next after those kept or left out. */
export function currentQuestion(run: GenerationRun): number {
  return Math.min(run.accepted + run.rejected + 1, run.requested);
}

/** Questions the model never wrote (the server lists them with the gate's rejections). */
export const NOT_DELIVERED = "not_delivered";

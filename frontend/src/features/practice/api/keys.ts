import type { Language, PracticeMode } from "@/api/types";
import type { ScopeQuery } from "../lib/scope";

export const practiceKeys = {
  all: ["practice"] as const,
  nextAll: () => [...practiceKeys.all, "next"] as const,
  next: (scope: ScopeQuery | null, mode: PracticeMode, lang: Language) =>
    [...practiceKeys.nextAll(), scope, mode, lang] as const,
  session: (sessionId: string, lang: Language) =>
    [...practiceKeys.all, "session", sessionId, lang] as const,
};

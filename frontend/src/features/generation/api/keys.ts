import type { Language } from "@/api/types";

export const generationKeys = {
  all: ["generation"] as const,
  availability: () => [...generationKeys.all, "availability"] as const,
  run: (runId: string, lang: Language) => [...generationKeys.all, "run", runId, lang] as const,
};

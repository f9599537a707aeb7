import type { Language } from "@/api/types";

/** The learner's own progress: dropped with the rest of the cache on login and logout. */
export const progressKeys = {
  all: ["progress"] as const,
  mastery: (examCode: string) => [...progressKeys.all, "mastery", examCode] as const,
  due: (lang: Language) => [...progressKeys.all, "due", lang] as const,
};

import type { Language } from "@/api/types";

/** The learner's own progress: dropped with the rest of the cache on login and logout. */
export const progressKeys = {
  all: ["progress"] as const,
  mastery: (examCode: string) => [...progressKeys.all, "mastery", examCode] as const,
  due: (lang: Language) => [...progressKeys.all, "due", lang] as const,
  summary: (examCode: string, lang: Language) =>
    [...progressKeys.all, "summary", examCode, lang] as const,
  byDomain: (examCode: string, lang: Language) =>
    [...progressKeys.all, "by-domain", examCode, lang] as const,
  /** `domainCode` null: every objective of the exam (the heatmap). */
  byObjective: (examCode: string, domainCode: string | null, lang: Language) =>
    [...progressKeys.all, "by-objective", examCode, domainCode, lang] as const,
  bySubObjective: (examCode: string, objectiveCode: string, lang: Language) =>
    [...progressKeys.all, "by-sub-objective", examCode, objectiveCode, lang] as const,
  activity: (from: string, to: string) => [...progressKeys.all, "activity", from, to] as const,
  recommendations: (examCode: string, lang: Language) =>
    [...progressKeys.all, "recommendations", examCode, lang] as const,
  plan: (examCode: string, lang: Language) =>
    [...progressKeys.all, "plan", examCode, lang] as const,
};

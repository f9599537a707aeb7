import type { Language } from "@/api/types";

/** Every catalog query is per language: switching the UI language fetches the other wording. */
export const catalogKeys = {
  all: ["catalog"] as const,
  exams: (lang: Language) => [...catalogKeys.all, "exams", lang] as const,
  domains: (examCode: string, lang: Language) =>
    [...catalogKeys.all, "domains", examCode, lang] as const,
  objectives: (examCode: string, domainCode: string | null, lang: Language) =>
    [...catalogKeys.all, "objectives", examCode, domainCode, lang] as const,
  subObjectives: (examCode: string, objectiveCode: string, lang: Language) =>
    [...catalogKeys.all, "subObjectives", examCode, objectiveCode, lang] as const,
  subObjective: (examCode: string, subObjectiveCode: string, lang: Language) =>
    [...catalogKeys.all, "subObjective", examCode, subObjectiveCode, lang] as const,
  note: (examCode: string, subObjectiveCode: string, lang: Language) =>
    [...catalogKeys.all, "note", examCode, subObjectiveCode, lang] as const,
  tree: (examCode: string, lang: Language) => [...catalogKeys.all, "tree", examCode, lang] as const,
  search: (examCode: string, q: string, lang: Language) =>
    [...catalogKeys.all, "search", examCode, q, lang] as const,
  glossary: (examCode: string, q: string, lang: Language) =>
    [...catalogKeys.all, "glossary", examCode, q, lang] as const,
};

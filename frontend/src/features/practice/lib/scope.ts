import type { ExamTree, PracticeMode } from "@/api/types";
import { catalogPaths } from "@/features/catalog";

export const PRACTICE_MODES: readonly PracticeMode[] = [
  "mixed",
  "due",
  "missed",
  "unseen",
  "flagged",
];

export function parseMode(value: string | null): PracticeMode {
  return (PRACTICE_MODES as readonly string[]).includes(value ?? "")
    ? (value as PracticeMode)
    : "mixed";
}

/** What a practice session is opened on (POST /api/practice/sessions): one of these, with the exam. */
export type ScopeQuery = {
  examCode: string;
  subObjectiveId?: number;
  objectiveId?: number;
  domainCode?: string;
};

export type ScopeKind = "exam" | "domain" | "objective" | "subObjective";

/** A practice scope named by the URL, resolved against the exam outline. */
export interface ResolvedScope {
  kind: ScopeKind;
  examCode: string;
  /** The code in the URL (null for the whole exam). */
  code: string | null;
  title: string;
  fallback: boolean;
  query: ScopeQuery;
  /** Where "back" goes: the study screen, or the catalog level of the scope. */
  catalogPath: string;
  /** For a sub-objective: its objective, to carry on with when the sub-objective runs dry. */
  objective: { code: string; title: string; fallback: boolean } | null;
}

const DOMAIN_CODE = /^\d+\.0$/;
const SUB_OBJECTIVE_CODE = /^\d+\.\d+\.\d+$/;

export function scopeKind(code: string | null): ScopeKind {
  if (!code) return "exam";
  if (DOMAIN_CODE.test(code)) return "domain";
  if (SUB_OBJECTIVE_CODE.test(code)) return "subObjective";
  return "objective";
}

/** Null when the code names nothing in this exam. */
export function resolveScope(
  tree: ExamTree,
  examCode: string,
  code: string | null,
): ResolvedScope | null {
  const kind = scopeKind(code);
  const base = { examCode, code, objective: null };
  if (kind === "exam" || code === null) {
    return {
      ...base,
      kind: "exam",
      title: tree.exam.name,
      fallback: false,
      query: { examCode },
      catalogPath: catalogPaths.exam(examCode),
    };
  }
  for (const domain of tree.domains) {
    if (kind === "domain" && domain.code === code) {
      return {
        ...base,
        kind,
        title: domain.title,
        fallback: domain.fallback,
        query: { examCode, domainCode: domain.code },
        catalogPath: catalogPaths.domain(examCode, domain.code),
      };
    }
    for (const objective of domain.objectives) {
      if (kind === "objective" && objective.code === code) {
        return {
          ...base,
          kind,
          title: objective.title,
          fallback: objective.fallback,
          query: { examCode, objectiveId: objective.id },
          catalogPath: catalogPaths.objective(examCode, objective.code),
        };
      }
      const sub = objective.subObjectives.find((item) => item.code === code);
      if (kind === "subObjective" && sub) {
        return {
          ...base,
          kind,
          title: sub.title,
          fallback: sub.fallback,
          query: { examCode, subObjectiveId: sub.id },
          catalogPath: catalogPaths.subObjective(examCode, objective.code, sub.code),
          objective: {
            code: objective.code,
            title: objective.title,
            fallback: objective.fallback,
          },
        };
      }
    }
  }
  return null;
}

/** Sub-objective titles by code, for summaries and lists. */
export function subObjectiveTitles(tree: ExamTree | undefined) {
  const titles = new Map<string, { title: string; fallback: boolean; objectiveCode: string }>();
  for (const domain of tree?.domains ?? []) {
    for (const objective of domain.objectives) {
      for (const sub of objective.subObjectives) {
        titles.set(sub.code, {
          title: sub.title,
          fallback: sub.fallback,
          objectiveCode: objective.code,
        });
      }
    }
  }
  return titles;
}

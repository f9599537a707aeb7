import type { SearchHit } from "@/api/types";

export const DEFAULT_EXAM_CODE = "SY0-701";

/**
 * Catalog URLs, one level per path segment after the exam:
 *   /catalog/SY0-701              the exam and its domains
 *   /catalog/SY0-701/2.0          a domain (codes ending in .0) and its objectives
 *   /catalog/SY0-701/2.4          an objective and its sub-objectives
 *   /catalog/SY0-701/2.4/2.4.1    the study screen of a sub-objective
 * A sub-objective code alone (/catalog/SY0-701/2.4.1) is accepted and redirected to its
 * canonical URL once its objective is known.
 */
export type CatalogLocation =
  | { level: "exam"; examCode: string }
  | { level: "domain"; examCode: string; domainCode: string }
  | { level: "objective"; examCode: string; objectiveCode: string }
  | {
      level: "subObjective";
      examCode: string;
      objectiveCode: string | null;
      subObjectiveCode: string;
    };

const DOMAIN_CODE = /^\d+\.0$/;
const SUB_OBJECTIVE_CODE = /^\d+\.\d+\.\d+$/;

export function parseCatalogParams(params: {
  examCode?: string | undefined;
  code?: string | undefined;
  subCode?: string | undefined;
}): CatalogLocation {
  const examCode = params.examCode ?? DEFAULT_EXAM_CODE;
  const { code, subCode } = params;
  if (!code) return { level: "exam", examCode };
  if (subCode) {
    return { level: "subObjective", examCode, objectiveCode: code, subObjectiveCode: subCode };
  }
  if (DOMAIN_CODE.test(code)) return { level: "domain", examCode, domainCode: code };
  if (SUB_OBJECTIVE_CODE.test(code)) {
    return { level: "subObjective", examCode, objectiveCode: null, subObjectiveCode: code };
  }
  // Anything else is looked up as an objective: the API answers 404 with a localized message.
  return { level: "objective", examCode, objectiveCode: code };
}

const seg = encodeURIComponent;

export const catalogPaths = {
  root: () => "/catalog",
  exam: (examCode: string) => `/catalog/${seg(examCode)}`,
  domain: (examCode: string, domainCode: string) => `/catalog/${seg(examCode)}/${seg(domainCode)}`,
  objective: (examCode: string, objectiveCode: string) =>
    `/catalog/${seg(examCode)}/${seg(objectiveCode)}`,
  subObjective: (
    examCode: string,
    objectiveCode: string,
    subObjectiveCode: string,
    topic?: string,
  ) =>
    `/catalog/${seg(examCode)}/${seg(objectiveCode)}/${seg(subObjectiveCode)}${
      topic ? `?topic=${seg(topic)}` : ""
    }`,
  glossary: () => "/glossary",
  /** The glossary, scrolled to an acronym's entry. */
  glossaryEntry: (acronym: string) => `/glossary#${seg(acronym)}`,
  /**
   * A sub-objective's study note, or one of its sections: its study screen, scrolled there.
   * The objective's code is the sub-objective's first two parts (2.4.1 belongs to 2.4).
   */
  note: (examCode: string, subObjectiveCode: string, sectionId = NOTE_ID) =>
    `${catalogPaths.subObjective(examCode, objectiveOf(subObjectiveCode), subObjectiveCode)}#${seg(sectionId)}`,
};

/** The id of the study note on the study screen (its sections have ids of their own). */
export const NOTE_ID = "note";

export function objectiveOf(subObjectiveCode: string): string {
  return subObjectiveCode.split(".").slice(0, 2).join(".");
}

/** Where a search hit leads: its own level, or for a topic its sub-objective's study screen. */
export function searchHitPath(examCode: string, hit: SearchHit): string {
  switch (hit.kind) {
    case "domain":
      return catalogPaths.domain(examCode, hit.code);
    case "objective":
      return catalogPaths.objective(examCode, hit.code);
    case "sub_objective":
      return catalogPaths.subObjective(examCode, hit.objectiveCode ?? "", hit.code);
    case "topic":
      return catalogPaths.subObjective(
        examCode,
        hit.objectiveCode ?? "",
        hit.subObjectiveCode ?? "",
        hit.code,
      );
    case "note":
      return `${catalogPaths.subObjective(examCode, hit.objectiveCode ?? "", hit.code)}#${seg(
        hit.section?.id ?? NOTE_ID,
      )}`;
  }
}

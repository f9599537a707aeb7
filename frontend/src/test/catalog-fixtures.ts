import type {
  Domain,
  Exam,
  GlossaryEntry,
  Objective,
  SearchHit,
  SubObjective,
  SubObjectiveDetail,
} from "@/api/types";
import { errorResponse, type Handler, json } from "./utils";

type Lang = "fr" | "en";
const pick = (lang: string | null, fr: string, en: string) => (lang === "en" ? en : fr);
const langOf = (request: Request): Lang =>
  new URL(request.url).searchParams.get("lang") === "en" ? "en" : "fr";

export const anExam = (): Exam => ({
  id: 1,
  code: "SY0-701",
  vendor: "CompTIA",
  name: "CompTIA Security+",
  nameEn: "CompTIA Security+",
  fallback: false,
  objectivesDocumentVersion: "6.0",
  maxQuestions: 90,
  durationMinutes: 90,
  passingScore: 750,
  scoreMin: 100,
  scoreMax: 900,
  domainCount: 2,
});

export const domains = (lang: Lang): Domain[] => [
  {
    id: 1,
    code: "1.0",
    title: pick(lang, "Concepts généraux de sécurité", "General Security Concepts"),
    titleEn: "General Security Concepts",
    fallback: false,
    weightPercent: 12,
    objectiveCount: 1,
  },
  {
    id: 2,
    code: "2.0",
    title: pick(
      lang,
      "Menaces, vulnérabilités et mesures d'atténuation",
      "Threats, Vulnerabilities, and Mitigations",
    ),
    titleEn: "Threats, Vulnerabilities, and Mitigations",
    fallback: false,
    weightPercent: 22,
    objectiveCount: 1,
  },
];

export const objectives = (lang: Lang): Objective[] => [
  {
    id: 2,
    code: "1.2",
    domainCode: "1.0",
    title: pick(
      lang,
      "Résumer les concepts fondamentaux de la sécurité.",
      "Summarize fundamental security concepts.",
    ),
    titleEn: "Summarize fundamental security concepts.",
    fallback: false,
    verb: pick(lang, "Résumer", "Summarize"),
    verbEn: "Summarize",
    scenarioBased: false,
    subObjectiveCount: 1,
  },
  {
    id: 8,
    code: "2.4",
    domainCode: "2.0",
    title: pick(
      lang,
      "À partir d'un scénario, analyser les indicateurs d'activité malveillante.",
      "Given a scenario, analyze indicators of malicious activity.",
    ),
    titleEn: "Given a scenario, analyze indicators of malicious activity.",
    fallback: false,
    verb: pick(lang, "À partir d'un scénario", "Given a scenario"),
    verbEn: "Given a scenario",
    scenarioBased: true,
    subObjectiveCount: 2,
  },
];

export const subObjectives = (lang: Lang): SubObjective[] => [
  {
    id: 5,
    code: "1.2.3",
    objectiveCode: "1.2",
    domainCode: "1.0",
    title: pick(
      lang,
      "Authentification, autorisation et traçabilité (AAA)",
      "Authentication, Authorization, and Accounting (AAA)",
    ),
    titleEn: "Authentication, Authorization, and Accounting (AAA)",
    fallback: false,
    topicCount: 2,
    questionCount: 4,
  },
  {
    id: 51,
    code: "2.4.1",
    objectiveCode: "2.4",
    domainCode: "2.0",
    title: pick(lang, "Attaques par logiciel malveillant", "Malware attacks"),
    titleEn: "Malware attacks",
    fallback: false,
    topicCount: 1,
    questionCount: 3,
  },
  {
    id: 52,
    code: "2.4.2",
    objectiveCode: "2.4",
    domainCode: "2.0",
    // Not translated yet: the French catalog shows the English title.
    title: "Physical attacks",
    titleEn: "Physical attacks",
    fallback: lang === "fr",
    topicCount: 0,
    // No question yet: the study screen and the catalog say so instead of offering practice.
    questionCount: 0,
  },
];

export function subObjectiveDetail(code: string, lang: Lang): SubObjectiveDetail | null {
  const sub = subObjectives(lang).find((item) => item.code === code);
  if (!sub) return null;
  const objective = objectives(lang).find((item) => item.code === sub.objectiveCode);
  const domain = domains(lang).find((item) => item.code === sub.domainCode);
  if (!objective || !domain) return null;
  const { subObjectiveCount: _s, domainCode: _d, ...objectiveRef } = objective;
  const { objectiveCount: _o, ...domainRef } = domain;
  return {
    id: sub.id,
    code: sub.code,
    title: sub.title,
    titleEn: sub.titleEn,
    fallback: sub.fallback,
    examCode: "SY0-701",
    questionCount: sub.questionCount,
    objective: objectiveRef,
    domain: domainRef,
    topics:
      code === "1.2.3"
        ? [
            {
              id: 11,
              code: "1.2.3.1",
              subObjectiveCode: "1.2.3",
              title: pick(lang, "Authentification des personnes", "Authenticating people"),
              titleEn: "Authenticating people",
              fallback: false,
            },
            {
              id: 13,
              code: "1.2.3.3",
              subObjectiveCode: "1.2.3",
              title: pick(lang, "Modèles d'autorisation", "Authorization models"),
              titleEn: "Authorization models",
              fallback: false,
            },
          ]
        : [],
  };
}

export const phishingHits = (lang: Lang): SearchHit[] => [
  {
    id: 172,
    code: "5.6.1",
    kind: "sub_objective",
    title: pick(lang, "Hameçonnage (phishing)", "Phishing"),
    titleEn: "Phishing",
    fallback: false,
    domainCode: "5.0",
    objectiveCode: "5.6",
    subObjectiveCode: "5.6.1",
    contextTitle: null,
    questionCount: 6,
    matchedLocales: ["en", "fr"],
  },
  {
    id: 113,
    code: "2.2.12.1",
    kind: "topic",
    title: pick(lang, "Hameçonnage (phishing)", "Phishing"),
    titleEn: "Phishing",
    fallback: false,
    domainCode: "2.0",
    objectiveCode: "2.2",
    subObjectiveCode: "2.2.12",
    contextTitle: pick(
      lang,
      "Vecteurs humains/ingénierie sociale",
      "Human vectors/social engineering",
    ),
    questionCount: 0,
    matchedLocales: ["en", "fr"],
  },
  {
    id: 8,
    code: "2.4",
    kind: "objective",
    title: pick(lang, "À partir d'un scénario, analyser…", "Given a scenario, analyze…"),
    titleEn: "Given a scenario, analyze…",
    fallback: false,
    domainCode: "2.0",
    objectiveCode: "2.4",
    subObjectiveCode: null,
    contextTitle: null,
    questionCount: null,
    matchedLocales: ["en"],
  },
];

export const glossaryEntries = (lang: Lang): GlossaryEntry[] => [
  {
    id: 5,
    acronym: "AES",
    expansion: pick(
      lang,
      "Advanced Encryption Standard (standard de chiffrement avancé)",
      "Advanced Encryption Standard",
    ),
    expansionEn: "Advanced Encryption Standard",
    explanation: pick(
      lang,
      "Algorithme de chiffrement symétrique par blocs.",
      "Symmetric block cipher.",
    ),
    fallback: false,
  },
  {
    id: 9,
    acronym: "SIEM",
    expansion: pick(
      lang,
      "Gestion des informations et des événements de sécurité",
      "Security Information and Event Management",
    ),
    expansionEn: "Security Information and Event Management",
    explanation: pick(lang, "Centralise et corrèle les journaux.", "Collects and correlates logs."),
    fallback: false,
  },
];

const notAuthenticated = () => errorResponse(401, "not_authenticated", "Not signed in.");

/** A fake catalog API (visitor), answering in the requested language like the real one. */
export function catalogApi(overrides: Record<string, Handler> = {}): Record<string, Handler> {
  return {
    "GET /api/auth/me": notAuthenticated,
    "GET /api/catalog/exams": () => json([anExam()]),
    "GET /api/catalog/domains": (request) => json(domains(langOf(request))),
    "GET /api/catalog/objectives": (request) => {
      const lang = langOf(request);
      const domainCode = new URL(request.url).searchParams.get("domainCode");
      if (domainCode && !domains(lang).some((d) => d.code === domainCode)) {
        return errorResponse(
          404,
          "not_found",
          pick(lang, `Domaine ${domainCode} inconnu.`, `Unknown domain ${domainCode}.`),
        );
      }
      return json(objectives(lang).filter((o) => !domainCode || o.domainCode === domainCode));
    },
    "GET /api/catalog/sub-objectives": (request) => {
      const lang = langOf(request);
      const code = new URL(request.url).searchParams.get("objectiveCode");
      if (code && !objectives(lang).some((o) => o.code === code)) {
        return errorResponse(
          404,
          "not_found",
          pick(lang, `Objectif ${code} inconnu.`, `Unknown objective ${code}.`),
        );
      }
      return json(subObjectives(lang).filter((s) => !code || s.objectiveCode === code));
    },
    "GET /api/catalog/search": (request) => {
      const q = new URL(request.url).searchParams.get("q") ?? "";
      return json(q.toLowerCase().startsWith("phi") ? phishingHits(langOf(request)) : []);
    },
    "GET /api/catalog/glossary": (request) => {
      const q = (new URL(request.url).searchParams.get("q") ?? "").toLowerCase();
      return json(
        glossaryEntries(langOf(request)).filter(
          (e) => !q || e.acronym.toLowerCase().includes(q) || e.expansion.toLowerCase().includes(q),
        ),
      );
    },
    ...overrides,
  };
}

/** The sub-objective detail route, which mockApi matches by exact path. */
export function detailRoute(code: string): Record<string, Handler> {
  return {
    [`GET /api/catalog/exams/SY0-701/sub-objectives/${code}`]: (request) => {
      const lang = langOf(request);
      const detail = subObjectiveDetail(code, lang);
      return detail
        ? json(detail)
        : errorResponse(
            404,
            "not_found",
            pick(lang, `Sous-objectif ${code} inconnu.`, `Unknown sub-objective ${code}.`),
          );
    },
  };
}

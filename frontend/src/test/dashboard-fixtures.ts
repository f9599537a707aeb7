import type {
  ActivityDay,
  ProgressNode,
  ProgressSummary,
  Readiness,
  Recommendation,
  StudyPlan,
} from "@/api/types";
import { aUser, type Handler, json } from "./utils";

export function aNode(extra: Partial<ProgressNode> & Pick<ProgressNode, "code" | "title">) {
  const node: ProgressNode = {
    id: Number(extra.code.replaceAll(".", "")),
    titleEn: extra.title,
    parentCode: null,
    weightPercent: null,
    mastery: 0,
    level: "not_started",
    answered: 0,
    accuracy: null,
    lastActivityAt: null,
    dueCount: 0,
    subObjectivesTotal: 0,
    subObjectivesPractised: 0,
    topicsTotal: 0,
    topicsPractised: 0,
    questionCount: 3,
    coverage: 0,
    topicCoverage: null,
    ...extra,
  };
  return node;
}

export const readiness: Readiness = {
  estimate: 642,
  low: 580,
  high: 705,
  passLine: 750,
  scaleMin: 100,
  scaleMax: 900,
  status: "borderline",
  domains: [
    {
      code: "1.0",
      title: "General Security Concepts",
      weightPercent: 12,
      mastery: 61,
      evidence: 0.5,
      contribution: 58.6,
    },
    {
      code: "2.0",
      title: "Threats, Vulnerabilities, and Mitigations",
      weightPercent: 22,
      mastery: 40,
      evidence: 0.25,
      contribution: 70.4,
    },
  ],
  objectivesWithoutEvidence: [{ code: "2.2", title: "Threat vectors" }],
};

export function aSummary(extra: Partial<ProgressSummary> = {}): ProgressSummary {
  return {
    answered: 128,
    correct: 92,
    accuracy: 0.71875,
    timeSpentMs: 5_460_000,
    currentStreak: 4,
    bestStreak: 9,
    averageMastery: 23,
    subObjectivesPractised: 31,
    subObjectivesTotal: 177,
    dueNow: 6,
    examDate: null,
    daysLeft: null,
    readiness,
    ...extra,
  };
}

export const byDomain: ProgressNode[] = [
  aNode({
    code: "1.0",
    title: "General Security Concepts",
    weightPercent: 12,
    mastery: 61,
    level: "proficient",
    answered: 80,
    subObjectivesTotal: 24,
    subObjectivesPractised: 12,
    dueCount: 4,
  }),
  aNode({
    code: "2.0",
    title: "Threats, Vulnerabilities, and Mitigations",
    weightPercent: 22,
    mastery: 40,
    level: "familiar",
    answered: 48,
    subObjectivesTotal: 44,
    subObjectivesPractised: 19,
    dueCount: 2,
  }),
];

export const byObjective: ProgressNode[] = [
  aNode({
    code: "1.1",
    title: "Compare and contrast security controls",
    parentCode: "1.0",
    mastery: 72,
    level: "proficient",
  }),
  aNode({
    code: "1.2",
    title: "Fundamental security concepts",
    parentCode: "1.0",
    mastery: 35,
    level: "attempted",
  }),
  aNode({
    code: "2.1",
    title: "Threat actors and motivations",
    parentCode: "2.0",
    mastery: 48,
    level: "familiar",
  }),
  aNode({
    code: "2.2",
    title: "Threat vectors",
    parentCode: "2.0",
    mastery: 0,
    level: "not_started",
  }),
];

export const bySubObjective: ProgressNode[] = [
  aNode({
    code: "1.1.1",
    title: "Categories",
    parentCode: "1.1",
    mastery: 81,
    level: "mastered",
    answered: 12,
    topicsTotal: 4,
    topicsPractised: 3,
    dueCount: 2,
  }),
  aNode({ code: "1.1.2", title: "Control types", parentCode: "1.1", topicsTotal: 6 }),
  aNode({ code: "1.1.3", title: "Empty for now", parentCode: "1.1", questionCount: 0 }),
];

export const recommendations: Recommendation[] = [
  {
    ...aNode({
      code: "2.4.1",
      title: "Malware attacks",
      parentCode: "2.4",
      mastery: 18,
      level: "attempted",
      dueCount: 3,
    }),
    objectiveCode: "2.4",
    domainCode: "2.0",
    misconceptions: 2,
    reasons: ["misconceptions", "due_reviews"],
  },
  {
    ...aNode({ code: "2.2.1", title: "Message-based vectors", parentCode: "2.2" }),
    objectiveCode: "2.2",
    domainCode: "2.0",
    misconceptions: 0,
    reasons: ["never_practised", "high_exam_weight"],
  },
];

export function activity(from: string, to: string): ActivityDay[] {
  const days: ActivityDay[] = [];
  for (
    let day = new Date(`${from}T00:00:00Z`);
    day <= new Date(`${to}T00:00:00Z`);
    day = new Date(day.getTime() + 86_400_000)
  ) {
    const date = day.toISOString().slice(0, 10);
    days.push({ date, answered: 0, correct: 0, minutes: 0 });
  }
  // Two active days: the last one (today) and the one before.
  const last = days.at(-1);
  const before = days.at(-2);
  if (last) Object.assign(last, { answered: 12, correct: 9, minutes: 14 });
  if (before) Object.assign(before, { answered: 3, correct: 1, minutes: 4 });
  return days;
}

export function aPlan(examDate: string, dayCount: number): StudyPlan {
  return {
    examDate,
    daysLeft: dayCount,
    newQuestionsTotal: 146,
    days: Array.from({ length: dayCount }, (_, index) => ({
      date: new Date(Date.UTC(2030, 0, 1 + index)).toISOString().slice(0, 10),
      newQuestions: index === 0 ? 7 : 5,
      reviews: index === 0 ? 11 : 2,
    })),
  };
}

/** The progress API of a learner with some history (`answered: 0` for a new one). */
export function dashboardServer(
  options: { summary?: ProgressSummary; plan?: StudyPlan | null } = {},
) {
  const state = { plan: options.plan ?? null, examDates: [] as string[] };
  const routes: Record<string, Handler> = {
    "GET /api/auth/me": () => json(aUser),
    "GET /api/progress/summary": () => json(options.summary ?? aSummary()),
    "GET /api/progress/by-domain": () => json(byDomain),
    "GET /api/progress/by-objective": (request) => {
      const domain = new URL(request.url).searchParams.get("domainCode");
      return json(domain ? byObjective.filter((item) => item.parentCode === domain) : byObjective);
    },
    "GET /api/progress/by-subobjective": () => json(bySubObjective),
    "GET /api/progress/activity": (request) => {
      const params = new URL(request.url).searchParams;
      return json(activity(params.get("from") ?? "", params.get("to") ?? ""));
    },
    "GET /api/progress/recommendations": () => json(recommendations),
    "GET /api/progress/plan": () =>
      state.plan
        ? json(state.plan)
        : json({ error: { code: "not_found", message: "No exam date.", fields: null } }, 404),
  };
  return { routes, state };
}

// Named aliases over the generated schema, looked up by path so they survive component renames.
import type { paths } from "./generated/schema";

type JsonOf<R> = R extends { content: { "application/json": infer T } } ? T : never;

export type User = JsonOf<paths["/api/auth/me"]["get"]["responses"][200]>;
export type UserSession = JsonOf<paths["/api/users/me/sessions"]["get"]["responses"][200]>[number];
export type Language = User["language"];
export type RegisterInput = NonNullable<
  paths["/api/auth/register"]["post"]["requestBody"]
>["content"]["application/json"];
export type ProfileUpdateInput = NonNullable<
  paths["/api/users/me"]["patch"]["requestBody"]
>["content"]["application/json"];

export type { paths };

// Catalog (public, localized with `lang`).
type CatalogGet<P extends keyof paths> = paths[P] extends { get: { responses: { 200: infer R } } }
  ? JsonOf<R>
  : never;

export type Exam = CatalogGet<"/api/catalog/exams">[number];
export type Domain = CatalogGet<"/api/catalog/domains">[number];
export type Objective = CatalogGet<"/api/catalog/objectives">[number];
export type SubObjective = CatalogGet<"/api/catalog/sub-objectives">[number];
export type Topic = CatalogGet<"/api/catalog/topics">[number];
export type SubObjectiveDetail = CatalogGet<"/api/catalog/exams/{code}/sub-objectives/{sub_code}">;
export type ExamTree = CatalogGet<"/api/catalog/exams/{code}/tree">;
export type TreeDomain = ExamTree["domains"][number];
export type TreeObjective = TreeDomain["objectives"][number];
export type TreeSubObjective = TreeObjective["subObjectives"][number];
export type SearchHit = CatalogGet<"/api/catalog/search">[number];
export type StudyNote = CatalogGet<"/api/catalog/exams/{code}/sub-objectives/{sub_code}/note">;
export type GlossaryEntry = CatalogGet<"/api/catalog/glossary">[number];

// Practice, reviews and progress (signed in; content localized with `lang`).
type JsonBody<P extends keyof paths, M extends "post"> = paths[P] extends {
  [K in M]: { requestBody?: { content: { "application/json": infer B } } };
}
  ? B
  : never;

export type SessionOpenInput = JsonBody<"/api/practice/sessions", "post">;
export type PracticeNext = JsonOf<paths["/api/practice/sessions"]["post"]["responses"][200]>;
export type PracticeQuestion = NonNullable<PracticeNext["question"]>;
export type PracticeChoice = PracticeQuestion["choices"][number];
export type PracticeProgress = PracticeNext["session"];
export type PracticeStatus = PracticeNext["status"];
export type PracticeMode = NonNullable<SessionOpenInput["mode"]>;
export type AnswerInput = JsonBody<"/api/practice/answers", "post">;
export type AnswerResult = JsonOf<paths["/api/practice/answers"]["post"]["responses"][200]>;
export type Confidence = NonNullable<AnswerInput["confidence"]>;
export type ReportInput = JsonBody<"/api/practice/questions/{question_id}/reports", "post">;
export type ReportReason = ReportInput["reason"];
export type SessionSummary = CatalogGet<"/api/practice/sessions/{session_id}">;
export type MasteryChange = SessionSummary["masteryChanges"][number];
export type SessionQuestion = SessionSummary["questions"][number];
export type Mastery = CatalogGet<"/api/progress/mastery">[number];
export type MasteryLevel = Mastery["level"];
export type DueReviews = CatalogGet<"/api/reviews/due">;

// The learner dashboard (signed in; titles localized with `lang`).
export type ProgressSummary = CatalogGet<"/api/progress/summary">;
export type Readiness = CatalogGet<"/api/progress/readiness">;
export type ReadinessStatus = Readiness["status"];
export type ReadinessDomain = Readiness["domains"][number];
export type ProgressNode = CatalogGet<"/api/progress/by-domain">[number];
export type ActivityDay = CatalogGet<"/api/progress/activity">[number];
export type Recommendation = CatalogGet<"/api/progress/recommendations">[number];
export type RecommendationReason = Recommendation["reasons"][number];
export type StudyPlan = CatalogGet<"/api/progress/plan">;
export type StudyPlanDay = StudyPlan["days"][number];

// AI question generation (signed in).
export type GenerateInput = JsonBody<"/api/generation/runs", "post">;
export type GenerationStarted = JsonOf<paths["/api/generation/runs"]["post"]["responses"][202]>;
export type GenerationRun = CatalogGet<"/api/generation/runs/{run_id}">;
export type GenerationRunStatus = GenerationRun["status"];

// The review queue (teachers and admins).
export type ModerationQueueName = NonNullable<
  NonNullable<paths["/api/moderation/questions"]["get"]["parameters"]["query"]>["queue"]
>;
export type ModerationPage = CatalogGet<"/api/moderation/questions">;
export type ModerationItem = ModerationPage["items"][number];
export type ModerationChoice = ModerationItem["choices"][number];
export type ModerationReport = ModerationItem["reports"][number];
// Generated questions the quality gate refused, with their reason (teachers and admins).
export type RejectedPage = CatalogGet<"/api/moderation/rejected-items">;
export type RejectedItem = RejectedPage["items"][number];
export type ModerationEditInput = NonNullable<
  paths["/api/moderation/questions/{question_id}"]["put"]["requestBody"]
>["content"]["application/json"];

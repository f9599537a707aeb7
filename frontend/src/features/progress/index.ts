// The progress feature's public entry point: mastery, due reviews and the dashboard's reads.
export { progressKeys } from "./api/keys";
export {
  type MasteryLookup,
  useActivity,
  useMastery,
  useMasteryByCode,
  useProgressByDomain,
  useProgressByObjective,
  useProgressBySubObjective,
  useProgressSummary,
  useRecommendations,
  useReviewsDue,
  useSetExamDate,
  useStudyPlan,
} from "./api/queries";
export { MASTERY_LEVELS, MasteryBadge, useLevelName } from "./components/MasteryBadge";

// The progress feature's public entry point: mastery and due reviews, for the catalog and practice.
export { progressKeys } from "./api/keys";
export { type MasteryLookup, useMastery, useMasteryByCode, useReviewsDue } from "./api/queries";
export { MASTERY_LEVELS, MasteryBadge, useLevelName } from "./components/MasteryBadge";

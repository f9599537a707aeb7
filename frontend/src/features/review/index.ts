// The review feature's public entry point: the app imports from here only.
export { reviewKeys } from "./api/keys";
export { ReviewQueue } from "./components/ReviewQueue";
export { canReview } from "./lib/roles";

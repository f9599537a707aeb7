// The review feature's public entry point: the app imports from here only.
export { moderationKeys } from "./api/keys";
export { ModerationQueue } from "./components/ModerationQueue";
export { canModerate } from "./lib/roles";

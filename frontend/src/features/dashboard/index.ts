// The dashboard feature's public entry point: the learner's progress screen, over the progress API.
export { Dashboard } from "./components/Dashboard";

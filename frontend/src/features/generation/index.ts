// The generation feature's public entry point: the app imports from here only.
export { generationKeys } from "./api/keys";
export { useGenerationAvailability } from "./api/queries";
export { GenerateScreen } from "./components/GenerateScreen";
export { generationPaths } from "./lib/paths";

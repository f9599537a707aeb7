// The catalog feature's public entry point: the app imports from here only.
export { catalogKeys } from "./api/keys";
export {
  useCatalogLanguage,
  useCatalogSearch,
  useDomains,
  useExams,
  useExamTree,
  useGlossary,
  useObjectives,
  useStudyNote,
  useSubObjective,
  useSubObjectives,
} from "./api/queries";
export { ObjectiveBadges, QuestionCount, WeightBar } from "./components/Badges";
export { Breadcrumbs, type Crumb } from "./components/Breadcrumbs";
export { CatalogSearch } from "./components/CatalogSearch";
export { CatalogTree } from "./components/CatalogTree";
export { DomainView } from "./components/DomainView";
export { ExamOverview } from "./components/ExamOverview";
export { Glossary } from "./components/Glossary";
export { ObjectiveView } from "./components/ObjectiveView";
export { CatalogError, CatalogNotFound } from "./components/Status";
export { StudyNote, StudyNoteLink } from "./components/StudyNote";
export { StudyView } from "./components/StudyView";
export { FallbackMarker, LocalizedTitle, OfficialWording } from "./components/Wording";
export {
  type CatalogLocation,
  catalogPaths,
  DEFAULT_EXAM_CODE,
  NOTE_ID,
  parseCatalogParams,
  searchHitPath,
} from "./lib/paths";

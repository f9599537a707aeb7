// The practice feature's public entry point: the app imports from here only.
export { practiceKeys } from "./api/keys";
export { PracticeHome } from "./components/PracticeHome";
export { PracticeSession } from "./components/PracticeSession";
export { QuestionCard, type QuestionProgress } from "./components/QuestionCard";
export {
  ChoiceForm,
  FeedbackAnnouncement,
  FeedbackSection,
  handleQuestionKey,
} from "./components/QuestionParts";
export { SessionSummary } from "./components/SessionSummary";
export { StudyPracticeActions } from "./components/StudyActions";
export { practicePaths } from "./lib/paths";
export { PRACTICE_MODES, parseMode } from "./lib/scope";

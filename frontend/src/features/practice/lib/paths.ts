import type { PracticeMode } from "@/api/types";

const seg = encodeURIComponent;
const modeQuery = (mode: PracticeMode | undefined) =>
  mode && mode !== "mixed" ? `?mode=${seg(mode)}` : "";

/**
 * Practice URLs, by exam and catalog code (the same codes as the catalog):
 *   /practice                                  the practice home (due reviews, recent work)
 *   /practice/SY0-701                          the whole exam
 *   /practice/SY0-701/2.0 | 2.4 | 2.4.1        a domain, an objective, a sub-objective
 *   …?mode=due|missed|unseen|flagged           another mode than mixed
 *   /practice/SY0-701/2.4.1/summary/<session>  the summary of a finished session
 */
export const practicePaths = {
  home: () => "/practice",
  session: (examCode: string, code: string | null, mode?: PracticeMode) =>
    `/practice/${seg(examCode)}${code ? `/${seg(code)}` : ""}${modeQuery(mode)}`,
  summary: (examCode: string, code: string | null, sessionId: string, mode?: PracticeMode) =>
    `/practice/${seg(examCode)}${code ? `/${seg(code)}` : ""}/summary/${seg(sessionId)}${modeQuery(mode)}`,
};

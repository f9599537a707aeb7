import { useParams, useSearchParams } from "react-router";
import { RequireAuth } from "@/features/auth";
import { DEFAULT_EXAM_CODE } from "@/features/catalog";
import { generationPaths, useGenerationAvailability } from "@/features/generation";
import { PracticeHome, PracticeSession, parseMode, SessionSummary } from "@/features/practice";

/** /practice — due reviews and recent work. */
export function PracticeHomePage() {
  return (
    <RequireAuth>
      <PracticeHome />
    </RequireAuth>
  );
}

/** A session, offering generation on an empty sub-objective when the server can generate. */
function PracticeWithGeneration({
  examCode,
  code,
  mode,
}: {
  examCode: string;
  code: string | null;
  mode: ReturnType<typeof parseMode>;
}) {
  const generation = useGenerationAvailability();
  return (
    <PracticeSession
      examCode={examCode}
      code={code}
      mode={mode}
      generatePath={
        generation.data?.available
          ? (subObjectiveCode) => generationPaths.generate(examCode, subObjectiveCode)
          : undefined
      }
    />
  );
}

/** /practice/:examCode/:code?(?mode=…) — a session on the exam, a domain, objective or sub-objective. */
export function PracticePage() {
  const { examCode = DEFAULT_EXAM_CODE, code } = useParams();
  const [searchParams] = useSearchParams();
  const mode = parseMode(searchParams.get("mode"));
  return (
    <RequireAuth>
      <PracticeWithGeneration
        key={`${examCode}/${code ?? ""}/${mode}`}
        examCode={examCode}
        code={code ?? null}
        mode={mode}
      />
    </RequireAuth>
  );
}

/** /practice/:examCode/:code?/summary/:sessionId — a finished session. */
export function PracticeSummaryPage() {
  const { examCode = DEFAULT_EXAM_CODE, code, sessionId = "" } = useParams();
  const [searchParams] = useSearchParams();
  return (
    <RequireAuth>
      <SessionSummary
        examCode={examCode}
        code={code ?? null}
        sessionId={sessionId}
        mode={parseMode(searchParams.get("mode"))}
      />
    </RequireAuth>
  );
}

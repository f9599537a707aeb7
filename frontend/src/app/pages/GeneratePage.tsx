import { useParams } from "react-router";
import { RequireAuth } from "@/features/auth";
import { DEFAULT_EXAM_CODE } from "@/features/catalog";
import { GenerateScreen } from "@/features/generation";

/** /generate/:examCode/:subCode(?run=…) — AI training questions on one sub-objective. */
export function GeneratePage() {
  const { examCode = DEFAULT_EXAM_CODE, subCode = "" } = useParams();
  return (
    <RequireAuth>
      <GenerateScreen
        key={`${examCode}/${subCode}`}
        examCode={examCode}
        subObjectiveCode={subCode}
      />
    </RequireAuth>
  );
}

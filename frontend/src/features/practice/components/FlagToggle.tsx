import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useToast } from "@/components/ui";
import { errorMessage } from "@/lib/forms";
import { useFlagQuestion } from "../api/queries";
import { BookmarkIcon } from "./Icons";
import questionCardStyles from "./QuestionCard.module.css";

/** "Review later": a toggle button (aria-pressed), saved at once, undone if saving fails. */
export function FlagToggle({ questionId, initial }: { questionId: number; initial: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [flagged, setFlagged] = useState(initial);
  const flag = useFlagQuestion();

  const toggle = () => {
    const next = !flagged;
    setFlagged(next);
    flag.mutate(
      { questionId, flagged: next },
      {
        onError: (error) => {
          setFlagged(!next);
          toast.show(`${t("practice.flag.error")} ${errorMessage(error, t)}`, "error");
        },
      },
    );
  };

  return (
    <button
      type="button"
      className={`${questionCardStyles["tool-button"]}${flagged ? ` ${questionCardStyles["tool-button--on"]}` : ""}`}
      aria-pressed={flagged}
      onClick={toggle}
    >
      <BookmarkIcon filled={flagged} />
      <span>{t("practice.flag.label")}</span>
    </button>
  );
}

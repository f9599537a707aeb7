import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ModerationItem } from "@/api/types";
import { Alert, Button, useToast } from "@/components/ui";
import { errorMessage } from "@/lib/forms";
import { useEditQuestion } from "../api/queries";

interface ChoiceDraft {
  key: string;
  text: string;
  explanation: string;
}

function TextArea({
  label,
  value,
  onChange,
  rows = 2,
  invalid,
  lang,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  invalid: boolean;
  /** The question's language: the interface may be in the other one (WCAG 3.1.2). */
  lang: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="input textarea"
        rows={rows}
        lang={lang}
        value={value}
        aria-invalid={invalid || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/**
 * Edits a question in place: stem, explanation, difficulty, each choice with its explanation and
 * one correct answer. Saving a question learners answered makes a new version (a new id).
 */
export function EditForm({ item, onDone }: { item: ModerationItem; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const toast = useToast();
  const edit = useEditQuestion();
  const [stem, setStem] = useState(item.stem);
  const [explanation, setExplanation] = useState(item.explanation);
  const [difficulty, setDifficulty] = useState(item.difficulty);
  const [choices, setChoices] = useState<ChoiceDraft[]>(() =>
    item.choices.map((choice) => ({
      key: String(choice.id),
      text: choice.text,
      explanation: choice.explanation,
    })),
  );
  const [correct, setCorrect] = useState(() =>
    String(item.choices.find((choice) => choice.isCorrect)?.id ?? ""),
  );
  const [showErrors, setShowErrors] = useState(false);

  const setChoice = (key: string, patch: Partial<ChoiceDraft>) =>
    setChoices((list) =>
      list.map((choice) => (choice.key === key ? { ...choice, ...patch } : choice)),
    );

  const complete =
    stem.trim() !== "" &&
    explanation.trim() !== "" &&
    choices.every((choice) => choice.text.trim() && choice.explanation.trim()) &&
    choices.some((choice) => choice.key === correct);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!complete) {
      setShowErrors(true);
      return;
    }
    edit.mutate(
      {
        questionId: item.id,
        stem: stem.trim(),
        explanation: explanation.trim(),
        difficulty,
        choices: choices.map((choice) => ({
          text: choice.text.trim(),
          explanation: choice.explanation.trim(),
          isCorrect: choice.key === correct,
        })),
      },
      {
        onSuccess: (saved) => {
          toast.show(
            t(saved.id !== item.id ? "moderation.toast.newVersion" : "moderation.toast.saved", {
              version: saved.version,
            }),
            "success",
          );
          onDone();
        },
      },
    );
  };

  return (
    <form className="moderation-form" onSubmit={onSubmit} noValidate>
      <TextArea
        label={t("moderation.edit.stem")}
        value={stem}
        onChange={setStem}
        rows={3}
        lang={item.language}
        invalid={showErrors && !stem.trim()}
      />
      <fieldset className="review-form__choices">
        <legend className="field__label">{t("moderation.edit.choices")}</legend>
        {choices.map((choice, index) => (
          <div key={choice.key} className="review-form__choice">
            <label className="option">
              <input
                type="radio"
                name={`${id}-correct`}
                value={choice.key}
                checked={correct === choice.key}
                onChange={() => setCorrect(choice.key)}
              />
              <span>{t("moderation.edit.correct", { n: index + 1 })}</span>
            </label>
            <TextArea
              label={t("moderation.edit.choiceText", { n: index + 1 })}
              value={choice.text}
              onChange={(text) => setChoice(choice.key, { text })}
              lang={item.language}
              invalid={showErrors && !choice.text.trim()}
            />
            <TextArea
              label={t("moderation.edit.choiceExplanation", { n: index + 1 })}
              value={choice.explanation}
              onChange={(value) => setChoice(choice.key, { explanation: value })}
              lang={item.language}
              invalid={showErrors && !choice.explanation.trim()}
            />
          </div>
        ))}
      </fieldset>
      <TextArea
        label={t("moderation.edit.explanation")}
        value={explanation}
        onChange={setExplanation}
        rows={3}
        lang={item.language}
        invalid={showErrors && !explanation.trim()}
      />
      <div className="field">
        <label className="field__label" htmlFor={`${id}-difficulty`}>
          {t("moderation.edit.difficulty")}
        </label>
        <select
          id={`${id}-difficulty`}
          className="input select__control"
          value={difficulty}
          onChange={(event) => setDifficulty(Number(event.target.value))}
        >
          {[1, 2, 3, 4, 5].map((level) => (
            <option key={level} value={level}>
              {level} · {t(`generation.form.difficulties.${level as 1}`)}
            </option>
          ))}
        </select>
      </div>
      <p className="field__hint">{t("moderation.edit.versionHint")}</p>
      {showErrors && !complete ? <Alert>{t("moderation.edit.incomplete")}</Alert> : null}
      {edit.isError ? <Alert>{errorMessage(edit.error, t)}</Alert> : null}
      <div className="review-form__actions">
        <Button variant="secondary" onClick={onDone}>
          {t("moderation.actions.cancel")}
        </Button>
        <Button type="submit" loading={edit.isPending}>
          {t("moderation.edit.save")}
        </Button>
      </div>
    </form>
  );
}

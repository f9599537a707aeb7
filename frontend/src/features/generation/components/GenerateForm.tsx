import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { GenerationStarted, Language } from "@/api/types";
import { Alert, Button, ButtonLink, TextField } from "@/components/ui";
import { useCurrentUser } from "@/features/auth";
import { ApiError } from "@/lib/api-error";
import { errorMessage } from "@/lib/forms";
import { useStartGeneration } from "../api/queries";
import { COUNT_DEFAULT, COUNT_MAX, COUNT_MIN, DIFFICULTIES, retryTime } from "../lib/run";
import styles from "./GenerateForm.module.css";

/** A failed start: generation not configured (503), limits (429) or anything else. */
function StartError({ error, practiseTo }: { error: unknown; practiseTo: string }) {
  const { t, i18n } = useTranslation();
  if (error instanceof ApiError && error.code === "generation_unavailable") {
    return (
      <Alert title={t("generation.errors.unavailableTitle")}>
        <p>{t("generation.errors.unavailable")}</p>
        <p>{t("generation.errors.unavailablePractice")}</p>
        <p>
          <ButtonLink variant="secondary" to={practiseTo}>
            {t("generation.errors.practise")}
          </ButtonLink>
        </p>
      </Alert>
    );
  }
  if (error instanceof ApiError && error.status === 429) {
    return (
      <Alert title={t("generation.errors.rateLimitedTitle")}>
        {error.hasServerMessage ? <p>{error.message}</p> : null}
        {error.retryAfter !== null ? (
          <p>
            {t("generation.errors.retryAt", {
              time: retryTime(error.retryAfter, i18n.language),
            })}
          </p>
        ) : null}
      </Alert>
    );
  }
  return <Alert>{errorMessage(error, t)}</Alert>;
}

/** Difficulty, count, language (the interface's) and, for teachers and admins, "force". */
export function GenerateForm({
  subObjectiveId,
  lang,
  practiseTo,
  onStarted,
}: {
  subObjectiveId: number;
  lang: Language;
  practiseTo: string;
  onStarted: (started: GenerationStarted) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const user = useCurrentUser();
  const start = useStartGeneration();
  const [difficulty, setDifficulty] = useState(3);
  const [count, setCount] = useState(String(COUNT_DEFAULT));
  const [force, setForce] = useState(false);
  const [countError, setCountError] = useState<string | null>(null);
  const countInput = useRef<HTMLInputElement | null>(null);
  const canForce = user?.role === "teacher" || user?.role === "admin";

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(count);
    if (!Number.isInteger(n) || n < COUNT_MIN || n > COUNT_MAX) {
      setCountError(t("generation.form.countInvalid"));
      countInput.current?.focus();
      return;
    }
    setCountError(null);
    start.mutate(
      { subObjectiveId, lang, difficulty, count: n, force: canForce && force },
      { onSuccess: onStarted },
    );
  };

  const serverCountError =
    start.error instanceof ApiError ? (start.error.fields.count ?? null) : null;

  return (
    <form className={`form`} onSubmit={onSubmit} noValidate>
      <fieldset className={styles["generate-form__difficulty"]}>
        <legend className="field__label">{t("generation.form.difficulty")}</legend>
        <div className={styles.segmented}>
          {DIFFICULTIES.map((level) => (
            <label key={level} className={styles.segmented__option}>
              <input
                className="cover-input"
                type="radio"
                name={`${id}-difficulty`}
                value={level}
                checked={difficulty === level}
                onChange={() => setDifficulty(level)}
              />
              <span className={styles.segmented__value}>{level}</span>
              <span className={styles.segmented__label}>
                {t(`generation.form.difficulties.${level}`)}
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <TextField
        ref={countInput}
        label={t("generation.form.count")}
        hint={t("generation.form.countHint")}
        type="number"
        inputMode="numeric"
        min={COUNT_MIN}
        max={COUNT_MAX}
        step={1}
        value={count}
        error={countError ?? serverCountError}
        onChange={(event) => {
          setCount(event.target.value);
          setCountError(null);
        }}
        className={styles["generate-form__count"]}
      />

      <dl className={`field ${styles["generate-form__language"]}`}>
        <dt className="field__label">{t("generation.form.language")}</dt>
        <dd>{t("generation.form.languageValue", { language: t(`app.languages.${lang}`) })}</dd>
      </dl>

      {canForce ? (
        <div className="field">
          <label className="option">
            <input
              type="checkbox"
              checked={force}
              onChange={(event) => setForce(event.target.checked)}
              aria-describedby={`${id}-force-hint`}
            />
            <span>{t("generation.form.force")}</span>
          </label>
          <p className="field__hint" id={`${id}-force-hint`}>
            {t("generation.form.forceHint")}
          </p>
        </div>
      ) : null}

      {start.isError ? <StartError error={start.error} practiseTo={practiseTo} /> : null}

      <Button type="submit" block loading={start.isPending}>
        {t("generation.form.submit")}
      </Button>
    </form>
  );
}

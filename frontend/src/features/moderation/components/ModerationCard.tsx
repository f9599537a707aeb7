import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ModerationItem, ModerationReport } from "@/api/types";
import { Alert, Button, useToast } from "@/components/ui";
import { formatDateTime, keepPunctuation } from "@/lib/format";
import { errorMessage } from "@/lib/forms";
import {
  useApproveQuestion,
  useRejectQuestion,
  useResolveReport,
  useRetireQuestion,
} from "../api/queries";
import { EditForm } from "./EditForm";
import { LearnerPreview } from "./LearnerPreview";

const REPORT_REASONS = [
  "wrong_key",
  "ambiguous",
  "several_correct",
  "outdated",
  "translation",
  "other",
] as const;
type KnownReason = (typeof REPORT_REASONS)[number];
const isKnownReason = (value: string): value is KnownReason =>
  (REPORT_REASONS as readonly string[]).includes(value);

function RejectForm({ item, onDone }: { item: ModerationItem; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const toast = useToast();
  const reject = useRejectQuestion();
  const [note, setNote] = useState("");
  const [missing, setMissing] = useState(false);
  const input = useRef<HTMLTextAreaElement | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim()) {
      setMissing(true);
      input.current?.focus();
      return;
    }
    reject.mutate(
      { questionId: item.id, note: note.trim() },
      {
        onSuccess: () => {
          toast.show(t("moderation.toast.rejected"), "success");
          onDone();
        },
      },
    );
  };

  return (
    <form className="moderation-form" onSubmit={onSubmit} noValidate>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-note`}>
          {t("moderation.reject.note")}
        </label>
        <textarea
          ref={input}
          id={`${id}-note`}
          className="input textarea"
          rows={3}
          maxLength={1000}
          value={note}
          required
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${id}-note-error` : `${id}-note-hint`}
          onChange={(event) => {
            setNote(event.target.value);
            setMissing(false);
          }}
        />
        {missing ? (
          <p className="field__error" id={`${id}-note-error`} role="alert">
            {t("moderation.reject.noteRequired")}
          </p>
        ) : (
          <p className="field__hint" id={`${id}-note-hint`}>
            {t("moderation.reject.noteHint")}
          </p>
        )}
      </div>
      {reject.isError ? <Alert>{errorMessage(reject.error, t)}</Alert> : null}
      <div className="review-form__actions">
        <Button variant="secondary" onClick={onDone}>
          {t("moderation.actions.cancel")}
        </Button>
        <Button type="submit" variant="danger" loading={reject.isPending}>
          {t("moderation.reject.submit")}
        </Button>
      </div>
    </form>
  );
}

function ReportEntry({ report }: { report: ModerationReport }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const resolve = useResolveReport();
  const open = report.state === "open";
  const act = (dismiss: boolean) =>
    resolve.mutate(
      { reportId: report.id, dismiss },
      {
        onSuccess: () =>
          toast.show(
            t(dismiss ? "moderation.toast.dismissed" : "moderation.toast.resolved"),
            "success",
          ),
        onError: (error) => toast.show(errorMessage(error, t), "error"),
      },
    );
  return (
    <li className="moderation-report">
      <p className="review-report__reason">
        {isKnownReason(report.reason)
          ? t(`practice.report.reasons.${report.reason}`)
          : report.reason}
        <span className={`moderation-state moderation-state--${report.state}`}>
          {t(`moderation.reportState.${report.state as "open"}`, { defaultValue: report.state })}
        </span>
      </p>
      {report.comment ? <p className="review-report__comment">“{report.comment}”</p> : null}
      <p className="review-report__meta">
        {formatDateTime(report.createdAt, i18n.language)} ·{" "}
        {t(
          report.answeredBeforeReport
            ? "moderation.report.afterAnswer"
            : "moderation.report.beforeAnswer",
        )}
      </p>
      {open ? (
        <div className="review-report__actions">
          <Button variant="secondary" onClick={() => act(false)} disabled={resolve.isPending}>
            {t("moderation.actions.resolve")}
          </Button>
          <Button variant="ghost" onClick={() => act(true)} disabled={resolve.isPending}>
            {t("moderation.actions.dismiss")}
          </Button>
        </div>
      ) : null}
    </li>
  );
}

type Mode = "view" | "edit" | "reject" | "preview";

/** One question as a reviewer sees it: the key marked, every explanation, its reports, actions. */
export function ModerationCard({ item }: { item: ModerationItem }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const toast = useToast();
  const approve = useApproveQuestion();
  const retire = useRetireQuestion();
  const [mode, setMode] = useState<Mode>("view");
  const busy = approve.isPending || retire.isPending;
  const previewButton = useRef<HTMLButtonElement | null>(null);
  const leftPreview = useRef(false);

  // Back from the preview, the focus returns to the button that opened it.
  useEffect(() => {
    if (mode === "view" && leftPreview.current) {
      leftPreview.current = false;
      previewButton.current?.focus();
    }
  }, [mode]);
  const closePreview = () => {
    leftPreview.current = true;
    setMode("view");
  };

  const onApprove = () =>
    approve.mutate(item.id, {
      onSuccess: () => toast.show(t("moderation.toast.approved"), "success"),
      onError: (error) => toast.show(errorMessage(error, t), "error"),
    });
  const onRetire = () =>
    retire.mutate(item.id, {
      onSuccess: () => toast.show(t("moderation.toast.retired"), "success"),
      onError: (error) => toast.show(errorMessage(error, t), "error"),
    });

  return (
    // Named by its stem, which the edit form replaces by a text field: no name then rather than a
    // reference to nothing.
    <li className="moderation-card" aria-labelledby={mode === "edit" ? undefined : `${id}-stem`}>
      <div className="review-card__main">
        <p className="review-card__meta">
          <span className="tag tag--verb">{item.subObjectiveCode}</span>
          <span className="tag tag--verb">{t(`app.languages.${item.language as "fr"}`)}</span>
          <span>{t("moderation.card.version", { version: item.version })}</span>
          <span>
            {t("moderation.card.difficulty", {
              label: t(`generation.form.difficulties.${item.difficulty as 1}`),
            })}
          </span>
          <span>
            {t(`moderation.source.${item.source as "generated"}`, { defaultValue: item.source })}
          </span>
          <span>{formatDateTime(item.createdAt, i18n.language)}</span>
        </p>

        {mode === "edit" ? (
          <EditForm item={item} onDone={() => setMode("view")} />
        ) : mode === "preview" ? (
          <LearnerPreview item={item} stemId={`${id}-stem`} onClose={closePreview} />
        ) : (
          <>
            <h2 className="review-card__stem" id={`${id}-stem`} lang={item.language}>
              {keepPunctuation(item.stem)}
            </h2>
            <ol className="moderation-choices" aria-label={t("moderation.card.choices")}>
              {item.choices.map((choice) => (
                <li
                  key={choice.id}
                  className={`moderation-choice${choice.isCorrect ? " moderation-choice--correct" : ""}`}
                >
                  <p className="review-choice__text">
                    {choice.isCorrect ? (
                      <span className="status status--correct">{t("moderation.card.correct")}</span>
                    ) : null}{" "}
                    <span lang={item.language}>{choice.text}</span>
                  </p>
                  <p className="review-choice__explanation" lang={item.language}>
                    {choice.explanation}
                  </p>
                </li>
              ))}
            </ol>
            <div className="review-card__explanation">
              <h3 className="review-card__subtitle">{t("moderation.card.explanation")}</h3>
              <p lang={item.language}>{item.explanation}</p>
            </div>
          </>
        )}

        {mode === "reject" ? <RejectForm item={item} onDone={() => setMode("view")} /> : null}

        {mode === "view" ? (
          <div className="review-card__actions">
            <Button
              ref={previewButton}
              variant="secondary"
              className="review-card__preview"
              onClick={() => setMode("preview")}
              disabled={busy}
            >
              {t("moderation.actions.preview")}
            </Button>
            {item.status !== "approved" ? (
              <Button onClick={onApprove} loading={approve.isPending} disabled={busy}>
                {t("moderation.actions.approve")}
              </Button>
            ) : null}
            <Button variant="secondary" onClick={() => setMode("edit")} disabled={busy}>
              {t("moderation.actions.edit")}
            </Button>
            {item.status !== "approved" ? (
              <Button variant="secondary" onClick={() => setMode("reject")} disabled={busy}>
                {t("moderation.actions.reject")}
              </Button>
            ) : null}
            <Button variant="danger" onClick={onRetire} loading={retire.isPending} disabled={busy}>
              {t("moderation.actions.retire")}
            </Button>
          </div>
        ) : null}
      </div>

      {item.reports.length > 0 ? (
        <aside className="review-card__reports" aria-label={t("moderation.card.reports")}>
          <h3 className="review-card__subtitle">
            {t("moderation.card.reportsCount", { count: item.reports.length })}
          </h3>
          <ul className="moderation-reports">
            {item.reports.map((report) => (
              <ReportEntry key={report.id} report={report} />
            ))}
          </ul>
        </aside>
      ) : null}
    </li>
  );
}

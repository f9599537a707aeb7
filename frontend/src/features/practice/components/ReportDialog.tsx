import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ReportReason } from "@/api/types";
import { Alert, Button, Dialog, useToast } from "@/components/ui";
import { errorMessage } from "@/lib/forms";
import { useReportQuestion } from "../api/queries";
import { CheckIcon, FlagIcon } from "./Icons";
import questionCardStyles from "./QuestionCard.module.css";
import styles from "./ReportDialog.module.css";

const REASONS: readonly ReportReason[] = [
  "wrong_key",
  "ambiguous",
  "several_correct",
  "outdated",
  "translation",
  "other",
];
const COMMENT_MAX = 1000;

function ReportForm({
  questionId,
  onDone,
  onCancel,
}: {
  questionId: number;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const report = useReportQuestion();
  const [reason, setReason] = useState<ReportReason | null>(null);
  const [comment, setComment] = useState("");
  const [reasonError, setReasonError] = useState(false);
  const firstReason = useRef<HTMLInputElement | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason) {
      setReasonError(true);
      firstReason.current?.focus();
      return;
    }
    report.mutate({ questionId, reason, comment: comment.trim() }, { onSuccess: onDone });
  };

  return (
    <form className={styles["report-form"]} onSubmit={onSubmit} noValidate>
      <fieldset
        className={styles["report-form__reasons"]}
        aria-describedby={reasonError ? `${id}-reason-error` : undefined}
      >
        <legend className="field__label">{t("practice.report.reasonLegend")}</legend>
        {REASONS.map((item, index) => (
          <label key={item} className="option">
            <input
              ref={index === 0 ? firstReason : undefined}
              type="radio"
              name={`${id}-reason`}
              value={item}
              checked={reason === item}
              aria-invalid={reasonError || undefined}
              onChange={() => {
                setReason(item);
                setReasonError(false);
              }}
            />
            <span>{t(`practice.report.reasons.${item}`)}</span>
          </label>
        ))}
        {reasonError ? (
          <p className="field__error" id={`${id}-reason-error`} role="alert">
            {t("practice.report.reasonRequired")}
          </p>
        ) : null}
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-comment`}>
          {t("practice.report.comment")}
          <span className="field__optional"> ({t("common.optional")})</span>
        </label>
        <textarea
          id={`${id}-comment`}
          className="input textarea"
          rows={3}
          maxLength={COMMENT_MAX}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          aria-describedby={`${id}-comment-hint`}
        />
        <p className="field__hint" id={`${id}-comment-hint`}>
          {t("practice.report.commentHint", { left: COMMENT_MAX - comment.length })}
        </p>
      </div>
      {report.isError ? <Alert>{errorMessage(report.error, t)}</Alert> : null}
      <div className={styles["report-form__actions"]}>
        <Button variant="secondary" onClick={onCancel}>
          {t("practice.report.cancel")}
        </Button>
        <Button type="submit" loading={report.isPending}>
          {t("practice.report.send")}
        </Button>
      </div>
    </form>
  );
}

/** "Report this question": a dialog with the reasons and an optional comment. */
export function ReportQuestion({ questionId }: { questionId: number }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);

  return (
    <>
      <button
        type="button"
        className={`${questionCardStyles["tool-button"]}${sent ? ` ${questionCardStyles["tool-button--done"]}` : ""}`}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {sent ? <CheckIcon /> : <FlagIcon />}
        <span>{sent ? t("practice.report.reported") : t("practice.report.open")}</span>
      </button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("practice.report.title")}
        description={t("practice.report.description")}
      >
        <ReportForm
          questionId={questionId}
          onCancel={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            setSent(true);
            toast.show(t("practice.report.sent"), "success");
          }}
        />
      </Dialog>
    </>
  );
}

import { type InputHTMLAttributes, type ReactNode, type Ref, useState } from "react";
import { useTranslation } from "react-i18next";
import { FieldShell, normaliseErrors, useFieldIds } from "./Field";

function EyeIcon({ crossed }: { crossed: boolean }) {
  return (
    <svg
      width="22"
      height="22"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" />
      <circle cx="12" cy="12" r="3" />
      {crossed ? <path d="M4 4l16 16" /> : null}
    </svg>
  );
}

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "children"> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | readonly string[] | null;
  optionalLabel?: string;
  /** Extra element ids describing the input (e.g. a password checklist). */
  describedBy?: string;
  after?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

export function TextField({
  label,
  hint,
  error,
  optionalLabel,
  describedBy,
  after,
  id,
  className,
  type = "text",
  ref,
  ...rest
}: TextFieldProps) {
  const { t } = useTranslation();
  const errors = normaliseErrors(error);
  const ids = useFieldIds(id, Boolean(hint), errors.length > 0, describedBy);
  const [revealed, setRevealed] = useState(false);
  const isPassword = type === "password";
  const input = (
    <input
      ref={ref}
      id={ids.inputId}
      type={isPassword && revealed ? "text" : type}
      className={`input${className ? ` ${className}` : ""}`}
      aria-invalid={errors.length ? true : undefined}
      aria-describedby={ids.describedBy}
      {...rest}
    />
  );
  return (
    <FieldShell
      ids={ids}
      label={label}
      hint={hint}
      errors={errors}
      optionalLabel={optionalLabel}
      after={after}
    >
      {isPassword ? (
        <div className="input-group">
          {input}
          <button
            type="button"
            className="input-group__toggle"
            aria-pressed={revealed}
            aria-controls={ids.inputId}
            onClick={() => setRevealed((value) => !value)}
            aria-label={t("common.showPassword")}
            title={revealed ? t("common.hidePassword") : t("common.showPassword")}
          >
            <EyeIcon crossed={revealed} />
          </button>
        </div>
      ) : (
        input
      )}
    </FieldShell>
  );
}

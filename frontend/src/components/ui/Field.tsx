import { type ReactNode, useId } from "react";

export interface FieldIds {
  inputId: string;
  hintId: string;
  errorId: string;
  describedBy: string | undefined;
}

export function normaliseErrors(error: string | readonly string[] | null | undefined): string[] {
  if (!error) return [];
  return typeof error === "string" ? [error] : [...error];
}

export function useFieldIds(
  id: string | undefined,
  hasHint: boolean,
  hasError: boolean,
  extraDescribedBy?: string,
): FieldIds {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy =
    [hasError ? errorId : null, hasHint ? hintId : null, extraDescribedBy ?? null]
      .filter(Boolean)
      .join(" ") || undefined;
  return { inputId, hintId, errorId, describedBy };
}

export function FieldShell({
  ids,
  label,
  hint,
  errors,
  optionalLabel,
  children,
  after,
}: {
  ids: FieldIds;
  label: ReactNode;
  hint?: ReactNode;
  errors: string[];
  optionalLabel?: string;
  children: ReactNode;
  after?: ReactNode;
}) {
  return (
    <div className={`field${errors.length ? " field--invalid" : ""}`}>
      <label className="field__label" htmlFor={ids.inputId}>
        {label}
        {optionalLabel ? <span className="field__optional"> ({optionalLabel})</span> : null}
      </label>
      {children}
      {hint ? (
        <p className="field__hint" id={ids.hintId}>
          {hint}
        </p>
      ) : null}
      {errors.length ? (
        <div className="field__error" id={ids.errorId} role="alert">
          {errors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
      {after}
    </div>
  );
}

import type { ReactNode, Ref, SelectHTMLAttributes } from "react";
import { FieldShell, normaliseErrors, useFieldIds } from "./Field";

export interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | readonly string[] | null;
  optionalLabel?: string;
  ref?: Ref<HTMLSelectElement>;
  children: ReactNode;
}

export function Select({
  label,
  hint,
  error,
  optionalLabel,
  id,
  className,
  children,
  ref,
  ...rest
}: SelectProps) {
  const errors = normaliseErrors(error);
  const ids = useFieldIds(id, Boolean(hint), errors.length > 0);
  return (
    <FieldShell ids={ids} label={label} hint={hint} errors={errors} optionalLabel={optionalLabel}>
      <div className="select">
        <select
          ref={ref}
          id={ids.inputId}
          className={`input select__control${className ? ` ${className}` : ""}`}
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={ids.describedBy}
          {...rest}
        >
          {children}
        </select>
      </div>
    </FieldShell>
  );
}

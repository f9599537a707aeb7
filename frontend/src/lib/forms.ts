import type { TFunction } from "i18next";
import { useCallback, useEffect, useRef, useState } from "react";
import { ApiError, NetworkError } from "./api-error";

/** The text to show for a failed request: the server's localized message when there is one. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.hasServerMessage) return error.message;
  if (error instanceof ApiError && error.status === 429 && error.retryAfter !== null) {
    return t("common.errors.rateLimited", { seconds: error.retryAfter });
  }
  if (error instanceof NetworkError) return t("common.errors.network");
  return t("common.errors.generic");
}

export type FieldErrorMap<F extends string> = Partial<Record<F, string[]>>;

/**
 * Field and form errors for one form. `fail()` takes client-side errors or a server error
 * (its `fields` go under the matching inputs, its `message` in the form alert), then moves focus
 * to the first invalid field in `order`, or to the form alert.
 */
export function useFormErrors<F extends string>(order: readonly F[], t: TFunction) {
  const inputs = useRef(new Map<string, HTMLElement | null>());
  const alertRef = useRef<HTMLDivElement | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrorMap<F>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [focusRequest, setFocusRequest] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per failure, on purpose.
  useEffect(() => {
    if (focusRequest === 0) return;
    const first = order.find((field) => fieldErrors[field]?.length);
    const target = first ? inputs.current.get(first) : alertRef.current;
    target?.focus();
  }, [focusRequest]);

  const fail = useCallback(
    (error: unknown) => {
      const next: FieldErrorMap<F> = {};
      const unmatched: string[] = [];
      let message: string | null = null;
      if (error instanceof ApiError || error instanceof NetworkError || error instanceof Error) {
        message = errorMessage(error, t);
        if (error instanceof ApiError) {
          for (const [field, messages] of Object.entries(error.fields)) {
            if ((order as readonly string[]).includes(field)) next[field as F] = messages;
            else unmatched.push(...messages);
          }
        }
      } else if (error && typeof error === "object") {
        Object.assign(next, error as FieldErrorMap<F>);
        message = t("common.errors.fixFields");
      }
      setFieldErrors(next);
      setFormError([message, ...unmatched].filter(Boolean).join(" ") || null);
      setFocusRequest((n) => n + 1);
    },
    [order, t],
  );

  const clear = useCallback(() => {
    setFieldErrors({});
    setFormError(null);
  }, []);

  const clearField = useCallback((field: F) => {
    setFieldErrors((current) => {
      if (!current[field]) return current;
      const { [field]: _removed, ...rest } = current;
      return rest as FieldErrorMap<F>;
    });
  }, []);

  const register = useCallback(
    (field: F) => (element: HTMLElement | null) => {
      inputs.current.set(field, element);
    },
    [],
  );

  return { fieldErrors, formError, fail, clear, clearField, register, alertRef };
}

export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

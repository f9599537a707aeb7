import type { Ref } from "react";
import { useTranslation } from "react-i18next";
import { TextField } from "@/components/ui";

/** The e-mail address field of the sign-in, registration and password-reset forms. */
export function EmailField({
  ref,
  value,
  onChange,
  error,
}: {
  ref: Ref<HTMLInputElement>;
  value: string;
  onChange: (value: string) => void;
  error: readonly string[] | null | undefined;
}) {
  const { t } = useTranslation();
  return (
    <TextField
      ref={ref}
      label={t("auth.fields.email")}
      type="email"
      name="email"
      autoComplete="email"
      inputMode="email"
      required
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
}

import { type Ref, useId } from "react";
import { useTranslation } from "react-i18next";
import { TextField } from "@/components/ui";
import { PASSWORD_MAX_LENGTH, type PersonalInfo } from "../lib/password-rules";
import { PasswordChecklist } from "./PasswordChecklist";

/**
 * A password being chosen, with the live checklist of the rules under it: the registration,
 * password-reset and change-password forms. Labelled "New password" unless told otherwise.
 * `personal` is whose password it is, when the form knows.
 */
export function NewPasswordField({
  ref,
  name = "newPassword",
  label,
  value,
  onChange,
  error,
  personal,
}: {
  ref: Ref<HTMLInputElement>;
  name?: string;
  label?: string;
  value: string;
  onChange: (value: string) => void;
  error: readonly string[] | null | undefined;
  personal?: PersonalInfo | null;
}) {
  const { t } = useTranslation();
  const checklistId = useId();
  return (
    <TextField
      ref={ref}
      label={label ?? t("auth.fields.newPassword")}
      type="password"
      name={name}
      autoComplete="new-password"
      required
      maxLength={PASSWORD_MAX_LENGTH}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      describedBy={checklistId}
      after={<PasswordChecklist id={checklistId} password={value} personal={personal} />}
    />
  );
}

import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert, Button, TextField, useToast } from "@/components/ui";
import { useFormErrors } from "@/lib/forms";
import { useChangePassword, useCurrentUser } from "../api/queries";
import { passwordProblem } from "../lib/password-rules";
import { NewPasswordField } from "./NewPasswordField";

const FIELDS = ["currentPassword", "newPassword"] as const;

export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const change = useChangePassword();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const errors = useFormErrors(FIELDS, t);
  const user = useCurrentUser();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: Partial<Record<(typeof FIELDS)[number], string[]>> = {};
    if (!current) problems.currentPassword = [t("common.errors.required")];
    const problem = passwordProblem(next, user);
    if (current && next === current) problems.newPassword = [t("auth.changePassword.samePassword")];
    else if (problem === "rules") problems.newPassword = [t("auth.passwordRules.title")];
    else if (problem === "personal") problems.newPassword = [t("auth.passwordRules.personalError")];
    if (Object.keys(problems).length) return errors.fail(problems);
    errors.clear();
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent("");
          setNext("");
          toast.show(t("auth.changePassword.success"), "success");
          onChanged?.();
        },
        onError: errors.fail,
      },
    );
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {errors.formError ? <Alert ref={errors.alertRef}>{errors.formError}</Alert> : null}
      <TextField
        ref={errors.register("currentPassword")}
        label={t("auth.fields.currentPassword")}
        type="password"
        name="currentPassword"
        autoComplete="current-password"
        required
        value={current}
        onChange={(e) => {
          setCurrent(e.target.value);
          errors.clearField("currentPassword");
        }}
        error={errors.fieldErrors.currentPassword}
      />
      <NewPasswordField
        ref={errors.register("newPassword")}
        value={next}
        onChange={(value) => {
          setNext(value);
          errors.clearField("newPassword");
        }}
        error={errors.fieldErrors.newPassword}
        personal={user}
      />
      <Button type="submit" variant="secondary" loading={change.isPending}>
        {change.isPending ? t("auth.changePassword.submitting") : t("auth.changePassword.submit")}
      </Button>
    </form>
  );
}

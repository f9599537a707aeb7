import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Alert, Button, ButtonLink } from "@/components/ui";
import { useFormErrors } from "@/lib/forms";
import { useResetPassword } from "../api/queries";
import { passwordProblem } from "../lib/password-rules";
import { NewPasswordField } from "./NewPasswordField";

const FIELDS = ["newPassword"] as const;

export function ResetPasswordForm({ token }: { token: string | null }) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const [password, setPassword] = useState("");
  const errors = useFormErrors(FIELDS, t);

  if (!token) {
    return (
      <div className="form">
        <Alert>{t("auth.reset.missingToken")}</Alert>
        <Link to="/forgot-password">{t("auth.reset.requestNew")}</Link>
      </div>
    );
  }

  if (reset.isSuccess) {
    return (
      <div className="form">
        <Alert tone="success" title={t("auth.reset.doneTitle")}>
          <p>{reset.data.detail}</p>
        </Alert>
        <ButtonLink to="/login" block>
          {t("auth.reset.goToLogin")}
        </ButtonLink>
      </div>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // Whose password it is stays on the server: it checks the names when the form is sent.
    if (passwordProblem(password) === "rules") {
      return errors.fail({ newPassword: [t("auth.passwordRules.title")] });
    }
    errors.clear();
    reset.mutate({ token, newPassword: password }, { onError: errors.fail });
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {errors.formError ? (
        <Alert ref={errors.alertRef}>
          <p>{errors.formError}</p>
          <p>
            <Link to="/forgot-password">{t("auth.reset.requestNew")}</Link>
          </p>
        </Alert>
      ) : null}
      <NewPasswordField
        ref={errors.register("newPassword")}
        value={password}
        onChange={(value) => {
          setPassword(value);
          errors.clearField("newPassword");
        }}
        error={errors.fieldErrors.newPassword}
      />
      <Button type="submit" block loading={reset.isPending}>
        {reset.isPending ? t("auth.reset.submitting") : t("auth.reset.submit")}
      </Button>
    </form>
  );
}

import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Alert, Button } from "@/components/ui";
import { EMAIL_PATTERN, useFormErrors } from "@/lib/forms";
import { useForgotPassword } from "../api/queries";
import { EmailField } from "./EmailField";

const FIELDS = ["email"] as const;

export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const forgot = useForgotPassword();
  const [email, setEmail] = useState("");
  const errors = useFormErrors(FIELDS, t);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!EMAIL_PATTERN.test(email.trim()))
      return errors.fail({ email: [t("common.errors.email")] });
    errors.clear();
    forgot.mutate({ email: email.trim() }, { onError: errors.fail });
  };

  if (forgot.isSuccess) {
    return (
      <div className="form">
        <Alert tone="success" title={t("auth.forgot.sentTitle")}>
          <p>{forgot.data.detail}</p>
        </Alert>
        <Link to="/login">{t("auth.forgot.backToLogin")}</Link>
      </div>
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {errors.formError ? <Alert ref={errors.alertRef}>{errors.formError}</Alert> : null}
      <EmailField
        ref={errors.register("email")}
        value={email}
        onChange={(value) => {
          setEmail(value);
          errors.clearField("email");
        }}
        error={errors.fieldErrors.email}
      />
      <Button type="submit" block loading={forgot.isPending}>
        {forgot.isPending ? t("auth.forgot.submitting") : t("auth.forgot.submit")}
      </Button>
      <p className="form__footer">
        <Link to="/login">{t("auth.forgot.backToLogin")}</Link>
      </p>
    </form>
  );
}

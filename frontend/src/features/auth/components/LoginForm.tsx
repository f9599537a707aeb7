import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { Alert, Button, TextField, useToast } from "@/components/ui";
import { EMAIL_PATTERN, useFormErrors } from "@/lib/forms";
import { useLogin } from "../api/queries";
import { EmailField } from "./EmailField";

const FIELDS = ["email", "password"] as const;
type Field = (typeof FIELDS)[number];

export function LoginForm() {
  const { t } = useTranslation();
  const toast = useToast();
  const login = useLogin();
  const [params] = useSearchParams();
  const [values, setValues] = useState<Record<Field, string>>({ email: "", password: "" });
  const errors = useFormErrors(FIELDS, t);
  const next = params.get("next");

  const update = (field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    errors.clearField(field);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: Partial<Record<Field, string[]>> = {};
    if (!EMAIL_PATTERN.test(values.email.trim())) missing.email = [t("common.errors.email")];
    if (!values.password) missing.password = [t("common.errors.required")];
    if (Object.keys(missing).length) return errors.fail(missing);
    errors.clear();
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        // The route guard then sends the user to `next` or home.
        onSuccess: () => toast.show(t("auth.login.success"), "success"),
        onError: errors.fail,
      },
    );
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {errors.formError ? <Alert ref={errors.alertRef}>{errors.formError}</Alert> : null}
      <EmailField
        ref={errors.register("email")}
        value={values.email}
        onChange={(value) => update("email", value)}
        error={errors.fieldErrors.email}
      />
      <TextField
        ref={errors.register("password")}
        label={t("auth.fields.password")}
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={values.password}
        onChange={(e) => update("password", e.target.value)}
        error={errors.fieldErrors.password}
      />
      <p className="form__aside">
        <Link to="/forgot-password">{t("auth.login.forgot")}</Link>
      </p>
      <Button type="submit" block loading={login.isPending}>
        {login.isPending ? t("auth.login.submitting") : t("auth.login.submit")}
      </Button>
      <p className="form__footer">
        {t("auth.login.noAccount")}{" "}
        <Link to={next ? `/register?next=${encodeURIComponent(next)}` : "/register"}>
          {t("auth.login.registerLink")}
        </Link>
      </p>
    </form>
  );
}

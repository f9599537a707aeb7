import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { Language } from "@/api/types";
import {
  Alert,
  Button,
  CountryOptions,
  LanguageOptions,
  NameFields,
  Select,
  useToast,
} from "@/components/ui";
import { EMAIL_PATTERN, useFormErrors } from "@/lib/forms";
import { isLanguage, writeLanguageCookie } from "@/lib/language";
import { useRegister } from "../api/queries";
import { passwordProblem } from "../lib/password-rules";
import { EmailField } from "./EmailField";
import { NewPasswordField } from "./NewPasswordField";

const FIELDS = ["firstName", "lastName", "email", "password", "country", "language"] as const;
type Field = (typeof FIELDS)[number];

export function RegisterForm() {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const register = useRegister();
  const [params] = useSearchParams();
  const uiLanguage: Language = isLanguage(i18n.language) ? i18n.language : "fr";
  const [values, setValues] = useState<Record<Field, string>>({
    firstName: "",
    lastName: "",
    email: "",
    password: "",
    country: "",
    language: uiLanguage,
  });
  const errors = useFormErrors(FIELDS, t);
  const next = params.get("next");
  const personal = { firstName: values.firstName, lastName: values.lastName, email: values.email };

  const update = (field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    errors.clearField(field);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: Partial<Record<Field, string[]>> = {};
    const required = t("common.errors.required");
    if (!values.firstName.trim()) problems.firstName = [required];
    if (!values.lastName.trim()) problems.lastName = [required];
    if (!EMAIL_PATTERN.test(values.email.trim())) problems.email = [t("common.errors.email")];
    const password = passwordProblem(values.password, personal);
    if (password === "rules") problems.password = [t("auth.passwordRules.title")];
    if (password === "personal") problems.password = [t("auth.passwordRules.personalError")];
    if (Object.keys(problems).length) return errors.fail(problems);
    errors.clear();
    const language: Language = isLanguage(values.language) ? values.language : uiLanguage;
    register.mutate(
      {
        email: values.email.trim(),
        password: values.password,
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        country: values.country || null,
        language,
      },
      {
        onSuccess: (user) => {
          writeLanguageCookie(user.language);
          void i18n.changeLanguage(user.language);
          toast.show(t("auth.register.success", { firstName: user.firstName }), "success");
        },
        onError: errors.fail,
      },
    );
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {errors.formError ? <Alert ref={errors.alertRef}>{errors.formError}</Alert> : null}
      <NameFields
        firstName={values.firstName}
        lastName={values.lastName}
        labels={{ firstName: t("auth.fields.firstName"), lastName: t("auth.fields.lastName") }}
        errors={errors.fieldErrors}
        register={errors.register}
        onChange={update}
      />
      <EmailField
        ref={errors.register("email")}
        value={values.email}
        onChange={(value) => update("email", value)}
        error={errors.fieldErrors.email}
      />
      <NewPasswordField
        ref={errors.register("password")}
        name="password"
        label={t("auth.fields.password")}
        value={values.password}
        onChange={(value) => update("password", value)}
        error={errors.fieldErrors.password}
        personal={personal}
      />
      <Select
        ref={errors.register("country")}
        label={t("auth.fields.country")}
        optionalLabel={t("common.optional")}
        name="country"
        autoComplete="country"
        value={values.country}
        onChange={(e) => update("country", e.target.value)}
        error={errors.fieldErrors.country}
      >
        <CountryOptions language={uiLanguage} noneLabel={t("auth.fields.countryNone")} />
      </Select>
      <Select
        ref={errors.register("language")}
        label={t("auth.fields.language")}
        name="language"
        value={values.language}
        onChange={(e) => update("language", e.target.value)}
        error={errors.fieldErrors.language}
      >
        <LanguageOptions />
      </Select>
      <Button type="submit" block loading={register.isPending}>
        {register.isPending ? t("auth.register.submitting") : t("auth.register.submit")}
      </Button>
      <p className="form__footer">
        {t("auth.register.hasAccount")}{" "}
        <Link to={next ? `/login?next=${encodeURIComponent(next)}` : "/login"}>
          {t("auth.register.loginLink")}
        </Link>
      </p>
    </form>
  );
}

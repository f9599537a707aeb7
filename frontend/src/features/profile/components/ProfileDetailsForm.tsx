import { type FormEvent, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Language, User } from "@/api/types";
import {
  Alert,
  Button,
  CountryOptions,
  LanguageOptions,
  NameFields,
  Select,
  TextField,
  useToast,
} from "@/components/ui";
import { timeZoneOptions } from "@/lib/countries";
import { useFormErrors } from "@/lib/forms";
import { isLanguage } from "@/lib/language";
import { useUpdateProfile } from "../api/queries";

const FIELDS = ["firstName", "lastName", "country", "language", "timeZone"] as const;
type Field = (typeof FIELDS)[number];

function initialValues(user: User): Record<Field, string> {
  return {
    firstName: user.firstName,
    lastName: user.lastName,
    country: user.country ?? "",
    language: user.language,
    timeZone: user.timeZone,
  };
}

export function ProfileDetailsForm({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const update = useUpdateProfile();
  const [values, setValues] = useState(() => initialValues(user));
  const errors = useFormErrors(FIELDS, t);
  // The ~400 time zones, rendered once rather than on each keystroke in the name fields.
  const zoneOptions = useMemo(
    () =>
      timeZoneOptions(user.timeZone).map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll("_", " ")}
        </option>
      )),
    [user.timeZone],
  );

  const change = (field: Field, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    errors.clearField(field);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems: Partial<Record<Field, string[]>> = {};
    if (!values.firstName.trim()) problems.firstName = [t("common.errors.required")];
    if (!values.lastName.trim()) problems.lastName = [t("common.errors.required")];
    if (Object.keys(problems).length) return errors.fail(problems);
    errors.clear();
    const language: Language = isLanguage(values.language) ? values.language : user.language;
    update.mutate(
      {
        firstName: values.firstName.trim(),
        lastName: values.lastName.trim(),
        country: values.country || null,
        language,
        timeZone: values.timeZone,
      },
      {
        onSuccess: (saved) => {
          setValues(initialValues(saved));
          // Said in the saved language, which the app switches to.
          toast.show(t("profile.details.saved", { lng: saved.language }), "success");
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
        labels={{
          firstName: t("profile.details.firstName"),
          lastName: t("profile.details.lastName"),
        }}
        errors={errors.fieldErrors}
        register={errors.register}
        onChange={change}
      />
      <TextField
        label={t("profile.details.email")}
        type="email"
        name="email"
        value={user.email}
        readOnly
        hint={t("profile.details.emailHint")}
      />
      <Select
        ref={errors.register("country")}
        label={t("profile.details.country")}
        name="country"
        value={values.country}
        onChange={(e) => change("country", e.target.value)}
        error={errors.fieldErrors.country}
      >
        <CountryOptions language={i18n.language} noneLabel={t("profile.details.countryNone")} />
      </Select>
      <div className="form__row">
        <Select
          ref={errors.register("language")}
          label={t("profile.details.language")}
          name="language"
          value={values.language}
          onChange={(e) => change("language", e.target.value)}
          error={errors.fieldErrors.language}
        >
          <LanguageOptions />
        </Select>
        <Select
          ref={errors.register("timeZone")}
          label={t("profile.details.timeZone")}
          name="timeZone"
          value={values.timeZone}
          onChange={(e) => change("timeZone", e.target.value)}
          error={errors.fieldErrors.timeZone}
        >
          {zoneOptions}
        </Select>
      </div>
      <Button type="submit" loading={update.isPending}>
        {update.isPending ? t("profile.details.submitting") : t("profile.details.submit")}
      </Button>
    </form>
  );
}

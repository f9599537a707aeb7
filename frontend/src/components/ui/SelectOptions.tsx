import { memo } from "react";
import { useTranslation } from "react-i18next";
import { countryOptions } from "@/lib/countries";
import { LANGUAGES } from "@/lib/language";

/**
 * The countries, named in `language`, after an empty "none" option. Memoised: the ~250 options are
 * not rendered again on each keystroke in the form around them.
 */
export const CountryOptions = memo(function CountryOptions({
  language,
  noneLabel,
}: {
  language: string;
  noneLabel: string;
}) {
  return (
    <>
      <option value="">{noneLabel}</option>
      {countryOptions(language).map((country) => (
        <option key={country.code} value={country.code}>
          {country.name}
        </option>
      ))}
    </>
  );
});

/** The interface languages, each named in itself. */
export function LanguageOptions() {
  const { t } = useTranslation();
  return (
    <>
      {LANGUAGES.map((code) => (
        <option key={code} value={code} lang={code}>
          {t(`app.languages.${code}`)}
        </option>
      ))}
    </>
  );
}

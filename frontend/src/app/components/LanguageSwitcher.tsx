import { useTranslation } from "react-i18next";
import { LANGUAGES } from "@/lib/language";
import { useSwitchLanguage } from "../language";

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const switchLanguage = useSwitchLanguage();
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t("app.header.language")}</legend>
      {LANGUAGES.map((code) => {
        const active = i18n.language === code;
        return (
          <button
            key={code}
            type="button"
            lang={code}
            className={`lang-switch__option${active ? " lang-switch__option--active" : ""}`}
            aria-pressed={active}
            onClick={() => {
              if (!active) switchLanguage(code);
            }}
          >
            {/* Each language by its own name: the visible label is the accessible name. */}
            {t(`app.languages.${code}`)}
          </button>
        );
      })}
    </fieldset>
  );
}

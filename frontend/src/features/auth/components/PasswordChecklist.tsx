import { useTranslation } from "react-i18next";
import { checkPassword } from "../lib/password-rules";

/** A live list of the password rules, each marked met or not met as the user types. */
export function PasswordChecklist({ password, id }: { password: string; id: string }) {
  const { t } = useTranslation();
  // The maximum length is only worth mentioning once it is exceeded.
  const results = checkPassword(password).filter((rule) => rule.id !== "maxLength" || !rule.met);
  return (
    <div className="checklist" id={id}>
      <p className="checklist__title">{t("auth.passwordRules.title")}</p>
      <ul className="checklist__items">
        {results.map((rule) => (
          <li
            key={rule.id}
            className={`checklist__item${rule.met ? " checklist__item--met" : ""}`}
            data-rule={rule.id}
            data-met={rule.met}
          >
            <span className="checklist__icon" aria-hidden="true">
              {rule.met ? "✓" : "•"}
            </span>
            {t(`auth.passwordRules.${rule.id}`)}
            <span className="visually-hidden">
              {" "}
              ({rule.met ? t("auth.passwordRules.met") : t("auth.passwordRules.notMet")})
            </span>
          </li>
        ))}
      </ul>
      <p className="checklist__note">{t("auth.passwordRules.serverNote")}</p>
    </div>
  );
}

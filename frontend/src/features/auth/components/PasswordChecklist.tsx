import { useTranslation } from "react-i18next";
import { checkPassword, type PersonalInfo } from "../lib/password-rules";

/**
 * A live list of the password rules, each marked met or not met as the user types. Whose password
 * it is (`personal`) lets "not built from your names" be checked live too; without it (the reset
 * form) that rule is listed and the server checks it.
 */
export function PasswordChecklist({
  password,
  id,
  personal,
}: {
  password: string;
  id: string;
  personal?: PersonalInfo | null;
}) {
  const { t } = useTranslation();
  // The maximum length is only worth mentioning once it is exceeded.
  const results = checkPassword(password, personal).filter(
    (rule) => rule.id !== "maxLength" || !rule.met,
  );
  return (
    <div className="checklist" id={id}>
      <p className="checklist__title">{t("auth.passwordRules.title")}</p>
      <ul className="checklist__items">
        {results.map((rule) => (
          <li
            key={rule.id}
            className={`checklist__item${rule.met ? " checklist__item--met" : ""}`}
            data-rule={rule.id}
            data-met={rule.met === null ? "unchecked" : rule.met}
          >
            <span className="checklist__icon" aria-hidden="true">
              {rule.met ? "✓" : "•"}
            </span>
            {t(`auth.passwordRules.${rule.id}`)}
            <span className="visually-hidden">
              {" "}
              (
              {rule.met === null
                ? t("auth.passwordRules.checkedOnSubmit")
                : rule.met
                  ? t("auth.passwordRules.met")
                  : t("auth.passwordRules.notMet")}
              )
            </span>
          </li>
        ))}
      </ul>
      <p className="checklist__note">{t("auth.passwordRules.serverNote")}</p>
    </div>
  );
}

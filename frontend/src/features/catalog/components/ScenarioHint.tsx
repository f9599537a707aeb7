import { useTranslation } from "react-i18next";

/** What a "Given a scenario" objective means for the exam. */
export function ScenarioHint() {
  const { t } = useTranslation();
  return (
    <div className="scenario-hint">
      <p className="scenario-hint__title">{t("catalog.scenario.title")}</p>
      <p>{t("catalog.scenario.body")}</p>
    </div>
  );
}

import { useTranslation } from "react-i18next";
import styles from "./ScenarioHint.module.css";

/** What a "Given a scenario" objective means for the exam. */
export function ScenarioHint() {
  const { t } = useTranslation();
  return (
    <div className={styles["scenario-hint"]}>
      <p className={styles["scenario-hint__title"]}>{t("catalog.scenario.title")}</p>
      <p>{t("catalog.scenario.body")}</p>
    </div>
  );
}

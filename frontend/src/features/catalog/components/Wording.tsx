import { useTranslation } from "react-i18next";
import styles from "./Wording.module.css";

/** A small "EN" marker: this title is the official English one, not translated yet. */
export function FallbackMarker() {
  const { t } = useTranslation();
  return (
    <span className={styles["fallback-marker"]} title={t("catalog.fallback.title")}>
      <span aria-hidden="true">EN</span>
      <span className="visually-hidden">{t("catalog.fallback.label")}</span>
    </span>
  );
}

/** A catalog title in the UI language, marked (and tagged lang="en") when it fell back to English. */
export function LocalizedTitle({ title, fallback }: { title: string; fallback: boolean }) {
  return (
    <>
      <span lang={fallback ? "en" : undefined}>{title}</span>
      {fallback ? (
        <>
          {" "}
          <FallbackMarker />
        </>
      ) : null}
    </>
  );
}

/**
 * "Official English wording", one tap away under a translated title. Not shown when the UI is in
 * English, nor when the title already is the English one.
 */
export function OfficialWording({
  titleEn,
  fallback,
  compact = false,
}: {
  titleEn: string;
  fallback: boolean;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (i18n.language === "en" || fallback) return null;
  return (
    <details className={`${styles.official}${compact ? ` ${styles["official--compact"]}` : ""}`}>
      <summary className={styles.official__toggle}>{t("catalog.official.toggle")}</summary>
      <p className={styles.official__text} lang="en">
        {titleEn}
      </p>
    </details>
  );
}

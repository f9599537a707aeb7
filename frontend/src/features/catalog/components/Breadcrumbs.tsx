import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import styles from "./Breadcrumbs.module.css";

export interface Crumb {
  to: string;
  /** Shown as "code title"; the code alone while the title is loading. */
  code?: string;
  label: string;
  fallback?: boolean;
}

/** exam › domain › objective › sub-objective; the last crumb is the current page. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("catalog.breadcrumbs.label")}>
      <ol className={styles.breadcrumbs__list}>
        {items.map((item, index) => {
          const current = index === items.length - 1;
          return (
            <li
              key={item.to}
              className={`${styles.breadcrumbs__item}${item.code ? ` ${styles["breadcrumbs__item--coded"]}` : ""}`}
            >
              <Link
                to={item.to}
                className={styles.breadcrumbs__link}
                aria-current={current ? "page" : undefined}
                lang={item.fallback ? "en" : undefined}
              >
                {item.code ? <span className={styles.breadcrumbs__code}>{item.code}</span> : null}
                {item.code && item.label ? " " : null}
                {item.label ? (
                  <span className={styles.breadcrumbs__title}>{item.label}</span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

import type { ReactNode } from "react";
import { Link } from "react-router";
import styles from "./CatalogList.module.css";
import { LocalizedTitle, OfficialWording } from "./Wording";

/** One row of a drill-down list: the whole title is the link, details sit below it. */
export function CatalogListItem({
  to,
  code,
  title,
  titleEn,
  fallback,
  children,
}: {
  to: string;
  code: string;
  title: string;
  titleEn: string;
  fallback: boolean;
  children?: ReactNode;
}) {
  return (
    <li className={styles["catalog-item"]}>
      <Link to={to} className={styles["catalog-item__link"]}>
        <span className={styles["catalog-item__code"]}>{code}</span>{" "}
        <span className={styles["catalog-item__title"]}>
          <LocalizedTitle title={title} fallback={fallback} />
        </span>
        <span className={styles["catalog-item__chevron"]} aria-hidden="true" />
      </Link>
      {children ? <div className={styles["catalog-item__meta"]}>{children}</div> : null}
      <OfficialWording titleEn={titleEn} fallback={fallback} compact />
    </li>
  );
}

export function CatalogList({
  children,
  labelledBy,
}: {
  children: ReactNode;
  /** The id of the section heading that names the list. */
  labelledBy: string;
}) {
  return (
    <ul className={styles["catalog-list"]} aria-labelledby={labelledBy}>
      {children}
    </ul>
  );
}

/** The eyebrow, h1 and English wording of a catalog level. */
export function LevelHeader({
  eyebrow,
  heading,
  children,
}: {
  eyebrow: string;
  heading: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className="level-header">
      <p className="level-header__eyebrow">{eyebrow}</p>
      {heading}
      {children}
    </header>
  );
}

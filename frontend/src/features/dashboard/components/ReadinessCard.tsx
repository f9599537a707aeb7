import { useTranslation } from "react-i18next";
import type { Readiness } from "@/api/types";
import { Card } from "@/components/ui";
import { formatPercent } from "../lib/format";
import styles from "./ReadinessCard.module.css";
import { TableScroll } from "./Status";
import statusStyles from "./Status.module.css";

const LEFT = 12;
const WIDTH = 296;

/**
 * The readiness gauge: the 100–900 scale, the likely range (low–high), the estimate and the pass
 * line. The SVG is one image with a full text label; the same figures are written out next to it.
 */
export function ReadinessGauge({ readiness }: { readiness: Readiness }) {
  const { t } = useTranslation();
  const { scaleMin: min, scaleMax: max, low, high, estimate, passLine } = readiness;
  const x = (value: number) =>
    LEFT + (WIDTH * (Math.min(max, Math.max(min, value)) - min)) / Math.max(1, max - min);
  const label = t("dashboard.readiness.gaugeLabel", { estimate, min, max, low, high, passLine });
  return (
    <svg
      className={`${styles.gauge} gauge`}
      viewBox="0 0 320 78"
      role="img"
      aria-label={label}
      preserveAspectRatio="xMidYMid meet"
    >
      <title>{label}</title>
      <rect className={styles.gauge__track} x={LEFT} y={30} width={WIDTH} height={14} rx={7} />
      <rect
        className={styles["gauge__pass-zone"]}
        x={x(passLine)}
        y={30}
        width={x(max) - x(passLine)}
        height={14}
        rx={0}
      />
      <rect
        className={styles.gauge__range}
        x={x(low)}
        y={26}
        width={Math.max(2, x(high) - x(low))}
        height={22}
        rx={4}
      />
      <line className={styles.gauge__pass} x1={x(passLine)} x2={x(passLine)} y1={16} y2={56} />
      <text className={styles["gauge__pass-label"]} x={x(passLine)} y={12} textAnchor="middle">
        {t("dashboard.readiness.passLine", { passLine })}
      </text>
      <path className={styles.gauge__marker} d={`M ${x(estimate)} 46 l 7 12 h -14 z`} />
      <line className={styles.gauge__needle} x1={x(estimate)} x2={x(estimate)} y1={24} y2={50} />
      <text className={styles.gauge__tick} x={x(min)} y={74} textAnchor="start">
        {min}
      </text>
      <text className={styles.gauge__tick} x={x(max)} y={74} textAnchor="end">
        {max}
      </text>
    </svg>
  );
}

export function ReadinessCard({ readiness }: { readiness: Readiness }) {
  const { t, i18n } = useTranslation();
  const missing = readiness.objectivesWithoutEvidence.length;
  return (
    <Card aria-labelledby="readiness-title">
      <h2 id="readiness-title" className="section-title">
        {t("dashboard.readiness.title")}
      </h2>
      <div className={styles.readiness__head}>
        <p className={styles.readiness__estimate}>
          {t("dashboard.readiness.estimate", { estimate: readiness.estimate })}
        </p>
        <span
          className={`${styles.readiness__status} ${styles[`readiness__status--${readiness.status}`]}`}
        >
          {t(`dashboard.readiness.status.${readiness.status}`)}
        </span>
      </div>
      <ReadinessGauge readiness={readiness} />
      <p className={styles.readiness__range}>
        {t("dashboard.readiness.range", {
          low: readiness.low,
          high: readiness.high,
          passLine: readiness.passLine,
        })}
      </p>
      <p className={styles.readiness__explanation}>{t("dashboard.readiness.explanation")}</p>
      {missing > 0 ? (
        <p className={styles.readiness__missing}>
          {t("dashboard.readiness.noEvidence", { count: missing })}
        </p>
      ) : null}
      <details className={`${styles.readiness__details} readiness__details`}>
        <summary>{t("dashboard.readiness.details")}</summary>
        <TableScroll label={t("dashboard.readiness.details")}>
          <table className={statusStyles["data-table"]}>
            <thead>
              <tr>
                <th scope="col">{t("dashboard.readiness.domain")}</th>
                <th scope="col">{t("dashboard.readiness.weight")}</th>
                <th scope="col">{t("dashboard.readiness.mastery")}</th>
                <th scope="col">{t("dashboard.readiness.evidence")}</th>
                <th scope="col">{t("dashboard.readiness.contribution")}</th>
              </tr>
            </thead>
            <tbody>
              {readiness.domains.map((domain) => (
                <tr key={domain.code}>
                  <th scope="row">
                    {domain.code} {domain.title}
                  </th>
                  <td>{formatPercent((domain.weightPercent ?? 0) / 100, i18n.language)}</td>
                  <td>{domain.mastery}/100</td>
                  <td>{formatPercent(domain.evidence, i18n.language)}</td>
                  <td>{Math.round(domain.contribution)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </details>
    </Card>
  );
}

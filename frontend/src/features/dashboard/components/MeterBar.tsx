import styles from "./MeterBar.module.css";
/** A 0–100 bar (decoration: the figure is always written out next to it). */
export function MeterBar({
  value,
  tone = "mastery",
}: {
  value: number;
  tone?: "mastery" | "weight";
}) {
  const width = Math.max(0, Math.min(100, value));
  return (
    <span className={`${styles.meter} ${styles[`meter--${tone}`]}`} aria-hidden="true">
      <span className={styles.meter__fill} style={{ width: `${width}%` }} />
    </span>
  );
}

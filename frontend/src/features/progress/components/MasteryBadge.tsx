import { useTranslation } from "react-i18next";
import type { Mastery, MasteryLevel } from "@/api/types";
import styles from "./MasteryBadge.module.css";

export const MASTERY_LEVELS: readonly MasteryLevel[] = [
  "not_started",
  "attempted",
  "familiar",
  "proficient",
  "mastered",
];

/** The level's name in the UI language ("Familiar", « Familier »). */
export function useLevelName() {
  const { t } = useTranslation();
  return (level: MasteryLevel) => t(`progress.levels.${level}`);
}

/**
 * A sub-objective's mastery: level name and score, with a small meter (decoration). The level is
 * written out, never told by colour alone. `mastery` null means not started.
 */
export function MasteryBadge({
  mastery,
  compact = false,
}: {
  mastery: Pick<Mastery, "level" | "score"> | null;
  /** The outline's variant: the score only, the level name for screen readers and on hover. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const levelName = useLevelName();
  const level = mastery?.level ?? "not_started";
  const score = mastery?.score ?? 0;
  const label = t("progress.badge.label", { level: levelName(level), score });
  const step = MASTERY_LEVELS.indexOf(level);
  // mastery and mastery--<level> stay as plain names too: the end-to-end tests select them.
  const modifier = `mastery--${level}`;
  return (
    <span
      className={`${styles.mastery} ${styles[modifier]} mastery ${modifier}${compact ? ` ${styles["mastery--compact"]}` : ""}`}
      title={compact ? label : undefined}
    >
      <span className={styles.mastery__steps} aria-hidden="true">
        {MASTERY_LEVELS.slice(1).map((item, index) => (
          <span
            key={item}
            className={`${styles.mastery__step}${index < step ? ` ${styles["mastery__step--on"]}` : ""}`}
          />
        ))}
      </span>
      <span className="visually-hidden">{label}</span>
      <span aria-hidden="true">
        {compact
          ? level === "not_started"
            ? "–"
            : t("progress.badge.score", { score })
          : level === "not_started"
            ? levelName(level)
            : t("progress.badge.short", { level: levelName(level), score })}
      </span>
    </span>
  );
}

import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Alert, Button } from "@/components/ui";
import { errorMessage } from "@/lib/forms";
import dashboardStyles from "./Dashboard.module.css";
import styles from "./Status.module.css";

/** A section whose request failed: the error, and a way to ask again. */
export function SectionError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className={dashboardStyles.dashboard__error}>
      <Alert title={t("dashboard.loadError")}>{errorMessage(error, t)}</Alert>
      <div>
        <Button variant="secondary" onClick={onRetry}>
          {t("dashboard.retry")}
        </Button>
      </div>
    </div>
  );
}

/** "Show as table" / "Show as chart": the table is the chart's text alternative. */
export function TableToggle({
  asTable,
  onToggle,
  controls,
}: {
  asTable: boolean;
  onToggle: () => void;
  controls: string;
}) {
  const { t } = useTranslation();
  return (
    <Button
      variant="ghost"
      className={dashboardStyles.dashboard__toggle}
      aria-controls={controls}
      onClick={onToggle}
    >
      {asTable ? t("dashboard.showChart") : t("dashboard.showTable")}
    </Button>
  );
}

/**
 * A table that may scroll sideways on a phone: a named region that can take the keyboard focus,
 * so it can be scrolled without a mouse (the table holds nothing focusable).
 */
export function TableScroll({
  id,
  label,
  children,
}: {
  id?: string;
  label: string;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable from the keyboard.
    <section id={id} className={styles["table-scroll"]} aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}

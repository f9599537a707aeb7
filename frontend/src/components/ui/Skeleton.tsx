import { useTranslation } from "react-i18next";

export function Skeleton({
  width = "full",
  height = "line",
  shape = "rect",
}: {
  width?: "full" | "half" | "third";
  height?: "line" | "title" | "block" | "field";
  shape?: "rect" | "circle";
}) {
  return (
    <span
      className={`skeleton skeleton--w-${width} skeleton--h-${height} skeleton--${shape}`}
      aria-hidden="true"
    />
  );
}

/** A labelled loading region made of skeleton lines. */
export function SkeletonBlock({ lines = 3 }: { lines?: number }) {
  const { t } = useTranslation();
  return (
    <div className="skeleton-block" role="status" aria-live="polite">
      <span className="visually-hidden">{t("common.loading")}</span>
      <Skeleton height="title" width="half" />
      {Array.from({ length: lines }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
        <Skeleton key={index} width={index % 3 === 2 ? "third" : "full"} />
      ))}
    </div>
  );
}

import type { ReactNode, Ref } from "react";

export function Alert({
  tone = "error",
  title,
  children,
  ref,
}: {
  tone?: "error" | "success" | "info";
  title?: ReactNode;
  children?: ReactNode;
  ref?: Ref<HTMLDivElement>;
}) {
  return (
    <div
      ref={ref}
      className={`alert alert--${tone}`}
      role={tone === "error" ? "alert" : "status"}
      tabIndex={-1}
    >
      {title ? <p className="alert__title">{title}</p> : null}
      {children ? <div className="alert__body">{children}</div> : null}
    </div>
  );
}

export function Badge({
  children,
  tone = "accent",
}: {
  children: ReactNode;
  tone?: "accent" | "neutral";
}) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}

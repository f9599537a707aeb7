import type { HTMLAttributes, ReactNode } from "react";

export function Card({
  as: Tag = "section",
  className,
  children,
  ...rest
}: HTMLAttributes<HTMLElement> & {
  as?: "section" | "div" | "article" | "li";
  children: ReactNode;
}) {
  return (
    <Tag className={`card${className ? ` ${className}` : ""}`} {...rest}>
      {children}
    </Tag>
  );
}

import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";

/** The page's h1 (focus target on navigation) and the document title. */
export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t("common.appName")}`;
  }, [title, t]);
  return (
    <h1 className="page-title" tabIndex={-1}>
      {children}
    </h1>
  );
}

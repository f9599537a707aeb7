import { useTranslation } from "react-i18next";
import { ButtonLink } from "@/components/ui";
import { PageHeading } from "../components/PageHeading";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="page page--narrow not-found">
      <p className="not-found__code" aria-hidden="true">
        404
      </p>
      <PageHeading title={t("app.titles.notFound")}>{t("app.notFound.title")}</PageHeading>
      <p>{t("app.notFound.body")}</p>
      <ButtonLink to="/">{t("app.notFound.home")}</ButtonLink>
    </div>
  );
}

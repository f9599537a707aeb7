import { useTranslation } from "react-i18next";
import { Alert, Button, ButtonLink, PageHeading } from "@/components/ui";
import { ApiError } from "@/lib/api-error";
import { errorMessage } from "@/lib/forms";
import { catalogPaths } from "../lib/paths";

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** Unknown exam, domain, objective or sub-objective: the API's localized message. */
export function CatalogNotFound({ message, examCode }: { message: string; examCode?: string }) {
  const { t } = useTranslation();
  return (
    <div className="catalog-status not-found">
      <p className="not-found__code" aria-hidden="true">
        404
      </p>
      <PageHeading title={t("catalog.notFound.title")}>{t("catalog.notFound.title")}</PageHeading>
      <p>{message}</p>
      <ButtonLink to={examCode ? catalogPaths.exam(examCode) : catalogPaths.root()}>
        {t("catalog.notFound.back")}
      </ButtonLink>
    </div>
  );
}

/** A failed catalog request: 404 content, or the error with a retry button. */
export function CatalogError({
  error,
  onRetry,
  examCode,
  asPage = true,
}: {
  error: unknown;
  onRetry: () => void;
  examCode?: string;
  /** Whether this error replaces the page (and so carries its h1). */
  asPage?: boolean;
}) {
  const { t } = useTranslation();
  if (asPage && isNotFound(error)) {
    return <CatalogNotFound message={(error as ApiError).message} examCode={examCode} />;
  }
  return (
    <div className="catalog-status">
      {asPage ? (
        <PageHeading title={t("catalog.error.title")}>{t("catalog.error.title")}</PageHeading>
      ) : null}
      <Alert title={asPage ? undefined : t("catalog.error.title")}>{errorMessage(error, t)}</Alert>
      <div>
        <Button variant="secondary" onClick={onRetry}>
          {t("catalog.error.retry")}
        </Button>
      </div>
    </div>
  );
}

import { useTranslation } from "react-i18next";
import { Alert, PageHeading } from "@/components/ui";
import { RequireAuth, useCurrentUser } from "@/features/auth";
import { canReview, ReviewQueue } from "@/features/review";

function ReviewGate() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (!canReview(user)) {
    return (
      <div className="page page--narrow">
        <PageHeading title={t("review.title")}>{t("review.title")}</PageHeading>
        <Alert>{t("review.forbidden")}</Alert>
      </div>
    );
  }
  return <ReviewQueue />;
}

/** /review — the review queue, for teachers and admins. */
export function ReviewPage() {
  return (
    <RequireAuth>
      <ReviewGate />
    </RequireAuth>
  );
}

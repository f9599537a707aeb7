import { useTranslation } from "react-i18next";
import { Alert, PageHeading } from "@/components/ui";
import { RequireAuth, useCurrentUser } from "@/features/auth";
import { canModerate, ModerationQueue } from "@/features/moderation";

function ReviewGate() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  if (!canModerate(user)) {
    return (
      <div className="page page--narrow">
        <PageHeading title={t("moderation.title")}>{t("moderation.title")}</PageHeading>
        <Alert>{t("moderation.forbidden")}</Alert>
      </div>
    );
  }
  return <ModerationQueue />;
}

/** /moderation — the moderation queue, for teachers and admins. */
export function ModerationPage() {
  return (
    <RequireAuth>
      <ReviewGate />
    </RequireAuth>
  );
}

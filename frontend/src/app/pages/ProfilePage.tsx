import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { User } from "@/api/types";
import { Avatar, Badge, Button, Card, useToast } from "@/components/ui";
import { ChangePasswordForm, RequireAuth, resetSession, useLogout, useMe } from "@/features/auth";
import { AvatarEditor, ProfileDetailsForm, profileKeys, SessionsList } from "@/features/profile";
import { formatDate } from "@/lib/format";
import { errorMessage } from "@/lib/forms";
import { PageHeading } from "../components/PageHeading";
import styles from "./ProfilePage.module.css";

function ProfileContent({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const logout = useLogout({
    onLoggedOut: () => toast.show(t("auth.logout.success"), "success"),
  });
  const name = `${user.firstName} ${user.lastName}`.trim();

  const onLogout = () =>
    logout.mutate(undefined, {
      onError: (error) => toast.show(errorMessage(error, t), "error"),
    });

  const onCurrentSignedOut = async () => {
    // Leave the protected page first, as on logout, so the guard does not bounce to /login.
    await navigate("/", { flushSync: true });
    resetSession(queryClient, null);
    toast.show(t("auth.logout.success"), "success");
  };

  return (
    <div className={`page page--narrow`}>
      <Card className={styles.profile__summary}>
        <Avatar
          src={user.avatarUrl}
          firstName={user.firstName}
          lastName={user.lastName}
          alt={t("profile.avatar.alt", { name })}
          size="lg"
        />
        <div className={styles.profile__identity}>
          <PageHeading title={t("app.titles.profile")}>{name || t("profile.title")}</PageHeading>
          <p className={styles.profile__email}>{user.email}</p>
          <p className={styles.profile__meta}>
            <Badge tone="neutral">{t(`profile.roles.${user.role}`)}</Badge>{" "}
            {t("profile.memberSince", { date: formatDate(user.dateJoined, i18n.language) })}
          </p>
        </div>
      </Card>

      <Card aria-labelledby="details-title">
        <h2 id="details-title" className="section-title">
          {t("profile.details.title")}
        </h2>
        <ProfileDetailsForm key={`${user.id}-${user.language}`} user={user} />
      </Card>

      <Card aria-labelledby="avatar-title">
        <h2 id="avatar-title" className="section-title">
          {t("profile.avatar.title")}
        </h2>
        <AvatarEditor user={user} />
      </Card>

      <Card aria-labelledby="password-title">
        <h2 id="password-title" className="section-title">
          {t("auth.changePassword.title")}
        </h2>
        <p className="section-lead">{t("auth.changePassword.lead")}</p>
        <ChangePasswordForm
          onChanged={() => queryClient.invalidateQueries({ queryKey: profileKeys.sessions() })}
        />
      </Card>

      <Card aria-labelledby="sessions-title">
        <h2 id="sessions-title" className="section-title">
          {t("profile.sessions.title")}
        </h2>
        <p className="section-lead">{t("profile.sessions.lead")}</p>
        <SessionsList onCurrentSignedOut={onCurrentSignedOut} />
      </Card>

      <div>
        <Button variant="danger" onClick={onLogout} loading={logout.isPending} block>
          {t("auth.logout.button")}
        </Button>
      </div>
    </div>
  );
}

export function ProfilePage() {
  const me = useMe();
  return <RequireAuth>{me.data ? <ProfileContent user={me.data} /> : null}</RequireAuth>;
}

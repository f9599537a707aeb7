import { useTranslation } from "react-i18next";
import type { UserSession } from "@/api/types";
import { Alert, Badge, Button, SkeletonBlock, useToast } from "@/components/ui";
import { formatDateTime, formatRelative } from "@/lib/format";
import { errorMessage } from "@/lib/forms";
import { useRevokeSession, useSessions } from "../api/queries";
import { describeUserAgent } from "../lib/user-agent";
import styles from "./SessionsList.module.css";

function deviceLabel(session: UserSession, t: ReturnType<typeof useTranslation>["t"]): string {
  const { browser, os } = describeUserAgent(session.userAgent);
  if (browser && os) return t("profile.sessions.device", { browser, os });
  return browser ?? os ?? t("profile.sessions.unknownDevice");
}

/** The user's sessions; signing out the current one calls `onCurrentSignedOut`. */
export function SessionsList({ onCurrentSignedOut }: { onCurrentSignedOut: () => void }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const sessions = useSessions();
  const revoke = useRevokeSession();

  if (sessions.isPending) return <SkeletonBlock lines={3} />;
  if (sessions.isError) return <Alert>{errorMessage(sessions.error, t)}</Alert>;
  if (sessions.data.length === 0) return <p>{t("profile.sessions.empty")}</p>;

  // The current device first, then the most recently active.
  const ordered = [...sessions.data].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
  );

  const signOut = (session: UserSession) => {
    revoke.mutate(session, {
      onSuccess: () => {
        if (session.current) onCurrentSignedOut();
        else toast.show(t("profile.sessions.signedOut"), "success");
      },
      onError: (error) => toast.show(errorMessage(error, t), "error"),
    });
  };

  return (
    <ul className={styles.sessions}>
      {ordered.map((session) => {
        const device = deviceLabel(session, t);
        const busy = revoke.isPending && revoke.variables?.id === session.id;
        return (
          <li key={session.id} className={styles.sessions__item}>
            <div>
              <p className={styles.sessions__device}>
                {device}{" "}
                {session.current ? <Badge>{t("profile.sessions.thisDevice")}</Badge> : null}
              </p>
              <dl className={styles.sessions__meta}>
                <div>
                  <dt>{t("profile.sessions.ip")}</dt>
                  <dd>{session.ipAddress ?? t("profile.sessions.ipUnknown")}</dd>
                </div>
                <div>
                  <dt>{t("profile.sessions.lastSeen")}</dt>
                  <dd>
                    <time
                      dateTime={session.lastSeenAt}
                      title={formatDateTime(session.lastSeenAt, i18n.language)}
                    >
                      {formatRelative(session.lastSeenAt, i18n.language)}
                    </time>
                  </dd>
                </div>
                <div>
                  <dt>{t("profile.sessions.started")}</dt>
                  <dd>
                    <time dateTime={session.createdAt}>
                      {formatDateTime(session.createdAt, i18n.language)}
                    </time>
                  </dd>
                </div>
              </dl>
            </div>
            {/* Only the current session is "this device"; the others are named by their device. */}
            <Button
              variant="secondary"
              onClick={() => signOut(session)}
              loading={busy}
              aria-label={
                session.current
                  ? t("profile.sessions.signOutThisDevice")
                  : t("profile.sessions.signOutDevice", { device })
              }
            >
              {busy ? t("profile.sessions.signingOut") : t("profile.sessions.signOut")}
            </Button>
          </li>
        );
      })}
    </ul>
  );
}

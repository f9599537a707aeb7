import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { useToast } from "@/components/ui";
import { useCurrentUser, useLogout } from "@/features/auth";
import { errorMessage } from "@/lib/forms";
import styles from "./AccountMenu.module.css";
import { ChevronDownIcon, LogoutIcon, UserIcon } from "./Icons";

/**
 * The signed-in user's menu in the header, on every page and every screen size: who is signed
 * in, their profile and signing out. A disclosure (a button that shows a list of links and
 * buttons): Escape, a click elsewhere or leaving it with Tab closes it.
 */
export function AccountMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const toast = useToast();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const container = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const logout = useLogout({
    onLoggedOut: () => toast.show(t("auth.logout.success"), "success"),
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: closes on every page change.
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    // A click elsewhere, or focus moving elsewhere (Tab past the last item), closes it.
    const onOutside = (event: Event) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener("pointerdown", onOutside);
    document.addEventListener("focusin", onOutside);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onOutside);
      document.removeEventListener("focusin", onOutside);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  if (!user) return null;
  const name = `${user.firstName} ${user.lastName}`.trim();

  const onLogout = () =>
    logout.mutate(undefined, {
      onError: (error) => toast.show(errorMessage(error, t), "error"),
    });

  return (
    <div ref={container} className={styles.account} data-account-menu>
      {/* Its name starts with the text it shows, the first name (WCAG 2.5.3, label in name). */}
      <button
        ref={toggle}
        type="button"
        className={styles.account__toggle}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={t("app.account.menu", { firstName: user.firstName })}
        onClick={() => setOpen((current) => !current)}
      >
        <span className={styles.account__picture} aria-hidden="true">
          {user.avatarUrl ? <img src={user.avatarUrl} alt="" /> : <UserIcon />}
        </span>
        <span className={styles.account__first}>{user.firstName}</span>
        <ChevronDownIcon />
      </button>
      {open ? (
        <div id={panelId} className={styles.account__panel}>
          <p className={styles.account__who}>
            <span className={styles.account__name}>{name}</span>
            <span className={styles.account__email}>{user.email}</span>
          </p>
          <ul className={styles.account__items}>
            <li>
              <Link to="/profile" className={styles.account__item} onClick={() => setOpen(false)}>
                <UserIcon />
                {t("app.account.profile")}
              </Link>
            </li>
            <li>
              <button
                type="button"
                className={styles.account__item}
                onClick={onLogout}
                disabled={logout.isPending}
                aria-busy={logout.isPending || undefined}
              >
                <LogoutIcon />
                {logout.isPending ? t("app.account.loggingOut") : t("auth.logout.button")}
              </button>
            </li>
          </ul>
        </div>
      ) : null}
    </div>
  );
}

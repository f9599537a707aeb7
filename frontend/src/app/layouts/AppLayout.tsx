import { type ReactNode, Suspense, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useLocation } from "react-router";
import { SkeletonBlock } from "@/components/ui";
import { useCurrentUser } from "@/features/auth";
import { canModerate } from "@/features/moderation";
import { AccountMenu } from "../components/AccountMenu";
import { ErrorBoundary } from "../components/ErrorBoundary";
import {
  BookIcon,
  DashboardIcon,
  GlossaryIcon,
  HomeIcon,
  LoginIcon,
  ModerationIcon,
  PracticeIcon,
  UserIcon,
  UserPlusIcon,
} from "../components/Icons";
import { LanguageSwitcher } from "../components/LanguageSwitcher";
import { LanguageSync } from "../language";

/** Moves focus to the new page's heading after client-side navigation (not on first load). */
function useFocusHeadingOnNavigate() {
  const { pathname } = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on path changes only.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector<HTMLElement>("#main h1")?.focus();
  }, [pathname]);
}

function MainNav() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const reviewer = canModerate(user);
  // Signed in, the phone's bottom bar leaves out Home (the logo leads there) to keep five items;
  // for reviewers it leaves out the glossary too (the catalog links to it) to make room for Review.
  const items: {
    to: string;
    label: string;
    icon: ReactNode;
    end: boolean;
    wideOnly?: boolean;
  }[] = [
    { to: "/", label: t("app.nav.home"), icon: <HomeIcon />, end: true, wideOnly: user !== null },
    ...(user
      ? [{ to: "/dashboard", label: t("app.nav.dashboard"), icon: <DashboardIcon />, end: false }]
      : []),
    { to: "/catalog", label: t("app.nav.catalog"), icon: <BookIcon />, end: false },
    ...(user
      ? [{ to: "/practice", label: t("app.nav.practice"), icon: <PracticeIcon />, end: false }]
      : []),
    ...(reviewer
      ? [
          {
            to: "/moderation",
            label: t("app.nav.moderation"),
            icon: <ModerationIcon />,
            end: false,
          },
        ]
      : []),
    {
      to: "/glossary",
      label: t("app.nav.glossary"),
      icon: <GlossaryIcon />,
      end: false,
      wideOnly: reviewer,
    },
    ...(user
      ? [{ to: "/profile", label: t("app.nav.profile"), icon: <UserIcon />, end: false }]
      : [
          { to: "/login", label: t("app.nav.login"), icon: <LoginIcon />, end: false },
          { to: "/register", label: t("app.nav.register"), icon: <UserPlusIcon />, end: false },
        ]),
  ];
  return (
    <nav className="nav" aria-label={t("app.nav.label")}>
      <ul className="nav__list">
        {items.map((item) => (
          <li key={item.to} className={item.wideOnly ? "nav__item--wide-only" : undefined}>
            <NavLink to={item.to} end={item.end} className="nav__link">
              {item.icon}
              <span className="nav__label">{item.label}</span>
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * "Skip to content", the first thing Tab reaches: past the header, the menu and whatever
 * navigation a page puts before its content (the catalog's outline, its search, breadcrumbs),
 * to the page's heading, from which the next Tab reaches the page's own controls. Without a
 * heading yet (loading), the link simply follows #main, which takes focus (tabIndex -1).
 */
function SkipLink() {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/useValidAnchor: a real in-page link to #main; the handler only lands on the heading inside it.
    <a
      className="skip-link"
      href="#main"
      onClick={(event) => {
        const heading = document.querySelector<HTMLElement>("#main h1");
        if (!heading) return;
        event.preventDefault();
        heading.focus();
      }}
    >
      {t("app.skipToContent")}
    </a>
  );
}

/**
 * The error boundary is reset on navigation, except between the pages of one exam's catalog,
 * which keep their outline (and have a boundary of their own around the detail pane).
 */
export function boundaryKey(pathname: string): string {
  const catalog = pathname.match(/^\/catalog\/[^/]+/);
  return catalog ? catalog[0] : pathname;
}

export function AppLayout() {
  const { t } = useTranslation();
  const location = useLocation();
  useFocusHeadingOnNavigate();
  return (
    <div className="shell">
      <SkipLink />
      <LanguageSync />
      <header className="header">
        <Link to="/" className="brand" aria-label={t("app.header.homeLink")}>
          <img
            className="brand__logo"
            src={`${import.meta.env.BASE_URL}favicon.svg`}
            alt=""
            width="32"
            height="32"
          />
          <span className="brand__name">{t("common.appName")}</span>
        </Link>
        <LanguageSwitcher />
        <AccountMenu />
      </header>
      <MainNav />
      <main id="main" className="main" tabIndex={-1}>
        <ErrorBoundary key={boundaryKey(location.pathname)}>
          {/* Shown while a page's code loads the first time (pages are split out of the entry). */}
          <Suspense fallback={<SkeletonBlock lines={4} />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="footer">
        <p>{t("app.footer")}</p>
      </footer>
    </div>
  );
}

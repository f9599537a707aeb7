import { type ComponentType, lazy, use } from "react";
import { I18nContext } from "react-i18next";
import type { RouteObject } from "react-router";
import { loadAttempt } from "@/lib/lazy-retry";
import { pageStrings } from "./i18n";
import { AppLayout } from "./layouts/AppLayout";
import { ForgotPasswordPage, LoginPage, RegisterPage, ResetPasswordPage } from "./pages/AuthPages";
import { HomePage } from "./pages/HomePage";
import { NotFoundPage } from "./pages/NotFoundPage";

/** The modules of the pages whose code loads on first visit (the entry bundle keeps the shell,
 * home and sign-in). */
const load = {
  profile: () => import("./pages/ProfilePage"),
  dashboard: () => import("./pages/DashboardPage"),
  catalog: () => import("./pages/CatalogPages"),
  practice: () => import("./pages/PracticePages"),
  generate: () => import("./pages/GeneratePage"),
  moderation: () => import("./pages/ModerationPage"),
};

/** Loads every lazy page now (tests do, so that no page's first render waits for its code). */
export async function preloadPages(): Promise<void> {
  await Promise.all(Object.values(load).map((loader) => loader()));
}

/**
 * A page whose code loads on first visit. After a failed load (offline), the next "try again"
 * of an error boundary loads it anew (lib/lazy-retry.ts).
 */
function page<Name extends string>(
  loader: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): ComponentType {
  let failedIn: number | null = null;
  const fresh = (): ComponentType =>
    lazy(async (): Promise<{ default: ComponentType }> => {
      try {
        return { default: (await loader())[name] };
      } catch (error) {
        failedIn = loadAttempt();
        throw error;
      }
    });
  let current = fresh();
  // The page's code and the pages' strings download side by side; the page shows when both are in.
  return function LazyPage() {
    // The context's instance itself: useTranslation() hands out a per-language copy of it.
    const { i18n } = use(I18nContext);
    const pending = pageStrings(i18n);
    if (pending) use(pending);
    if (failedIn !== null && failedIn !== loadAttempt()) {
      failedIn = null;
      current = fresh();
    }
    const Page = current;
    return <Page />;
  };
}

const ProfilePage = page(load.profile, "ProfilePage");
const DashboardPage = page(load.dashboard, "DashboardPage");
const CatalogIndexPage = page(load.catalog, "CatalogIndexPage");
const CatalogPage = page(load.catalog, "CatalogPage");
const GlossaryPage = page(load.catalog, "GlossaryPage");
const PracticeHomePage = page(load.practice, "PracticeHomePage");
const PracticePage = page(load.practice, "PracticePage");
const PracticeSummaryPage = page(load.practice, "PracticeSummaryPage");
const GeneratePage = page(load.generate, "GeneratePage");
const ModerationPage = page(load.moderation, "ModerationPage");

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "login", element: <LoginPage /> },
      { path: "register", element: <RegisterPage /> },
      { path: "forgot-password", element: <ForgotPasswordPage /> },
      { path: "reset-password", element: <ResetPasswordPage /> },
      { path: "profile", element: <ProfilePage /> },
      // /dashboard, /dashboard?domain=2.0&objective=2.4 (the progress drill-down)
      { path: "dashboard", element: <DashboardPage /> },
      { path: "catalog", element: <CatalogIndexPage /> },
      // /catalog/SY0-701, /catalog/SY0-701/2.0, /catalog/SY0-701/2.4, /catalog/SY0-701/2.4/2.4.1
      { path: "catalog/:examCode/:code?/:subCode?", element: <CatalogPage /> },
      { path: "glossary", element: <GlossaryPage /> },
      // /practice, /practice/SY0-701/2.4.1?mode=due, /practice/SY0-701/2.4.1/summary/<session>
      { path: "practice", element: <PracticeHomePage /> },
      { path: "practice/:examCode/:code?", element: <PracticePage /> },
      { path: "practice/:examCode/summary/:sessionId", element: <PracticeSummaryPage /> },
      { path: "practice/:examCode/:code/summary/:sessionId", element: <PracticeSummaryPage /> },
      // /generate/SY0-701/2.4.1, /generate/SY0-701/2.4.1?run=<uuid>
      { path: "generate/:examCode/:subCode", element: <GeneratePage /> },
      // /moderation, /moderation?queue=reported&lang=fr&page=1 (teachers and admins)
      { path: "moderation", element: <ModerationPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];

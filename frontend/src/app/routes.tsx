import { type ComponentType, lazy } from "react";
import type { RouteObject } from "react-router";
import { AppLayout } from "./layouts/AppLayout";
import { ForgotPasswordPage, LoginPage, RegisterPage, ResetPasswordPage } from "./pages/AuthPages";
import { HomePage } from "./pages/HomePage";
import { NotFoundPage } from "./pages/NotFoundPage";

/** A page whose code loads on first visit: the entry bundle keeps the shell, home and sign-in. */
function page<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): ComponentType {
  return lazy(async (): Promise<{ default: ComponentType }> => ({ default: (await load())[name] }));
}

const ProfilePage = page(() => import("./pages/ProfilePage"), "ProfilePage");
const DashboardPage = page(() => import("./pages/DashboardPage"), "DashboardPage");
const CatalogIndexPage = page(() => import("./pages/CatalogPages"), "CatalogIndexPage");
const CatalogPage = page(() => import("./pages/CatalogPages"), "CatalogPage");
const GlossaryPage = page(() => import("./pages/CatalogPages"), "GlossaryPage");
const PracticeHomePage = page(() => import("./pages/PracticePages"), "PracticeHomePage");
const PracticePage = page(() => import("./pages/PracticePages"), "PracticePage");
const PracticeSummaryPage = page(() => import("./pages/PracticePages"), "PracticeSummaryPage");
const GeneratePage = page(() => import("./pages/GeneratePage"), "GeneratePage");
const ModerationPage = page(() => import("./pages/ModerationPage"), "ModerationPage");

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

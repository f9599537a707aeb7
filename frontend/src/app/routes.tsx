import type { RouteObject } from "react-router";
import { AppLayout } from "./layouts/AppLayout";
import { ForgotPasswordPage, LoginPage, RegisterPage, ResetPasswordPage } from "./pages/AuthPages";
import { CatalogIndexPage, CatalogPage, GlossaryPage } from "./pages/CatalogPages";
import { DashboardPage } from "./pages/DashboardPage";
import { GeneratePage } from "./pages/GeneratePage";
import { HomePage } from "./pages/HomePage";
import { NotFoundPage } from "./pages/NotFoundPage";
import { PracticeHomePage, PracticePage, PracticeSummaryPage } from "./pages/PracticePages";
import { ProfilePage } from "./pages/ProfilePage";
import { ReviewPage } from "./pages/ReviewPage";

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
      // /review, /review?queue=reported&lang=fr&page=1 (teachers and admins)
      { path: "review", element: <ReviewPage /> },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];

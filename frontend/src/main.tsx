// The global styles first: the CSS modules of the components imported below come after them.
import "@/styles/index.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter } from "react-router";
import { RouterProvider } from "react-router/dom";
import { startI18n } from "@/app/i18n";
import { AppProviders } from "@/app/providers";
import { routes } from "@/app/routes";
import { setCurrentUser } from "@/features/auth";
import { fetchCsrfToken } from "@/lib/csrf";
import { initialLanguage } from "@/lib/language";
import { createQueryClient } from "@/lib/query-client";

// Sets the csrftoken cookie before any unsafe request (the client also waits for it if needed).
void fetchCsrfToken().catch(() => undefined);

// What Django wrote into the page (core/views.py): the language it negotiated and whether a
// session is signed in. Absent under the Vite dev server.
const shell = document.documentElement.dataset;
// The language's strings arrive with the first paint, never after it (no flash of keys).
const i18n = await startI18n(initialLanguage());
const queryClient = createQueryClient();
// A visitor: no session to ask /api/auth/me about, so the sign-in form shows at once.
if (shell.signedIn === "false") setCurrentUser(queryClient, null);
const router = createBrowserRouter(routes);

const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");

createRoot(root).render(
  <StrictMode>
    <AppProviders i18n={i18n} queryClient={queryClient}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);

// The global styles first: the CSS modules of the components imported below come after them.
import "@/styles/index.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createBrowserRouter } from "react-router";
import { RouterProvider } from "react-router/dom";
import { setupI18n } from "@/app/i18n";
import { AppProviders } from "@/app/providers";
import { routes } from "@/app/routes";
import { fetchCsrfToken } from "@/lib/csrf";
import { initialLanguage } from "@/lib/language";
import { createQueryClient } from "@/lib/query-client";

// Sets the csrftoken cookie before any unsafe request (the client also waits for it if needed).
void fetchCsrfToken().catch(() => undefined);

const i18n = setupI18n(initialLanguage());
const queryClient = createQueryClient();
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

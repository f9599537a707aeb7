import { QueryErrorResetBoundary } from "@tanstack/react-query";
import { Component, type ErrorInfo, type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/components/ui";
import { retryFailedLoads } from "@/lib/lazy-retry";
import { isNetworkFailure } from "@/lib/network";

interface Props {
  children: ReactNode;
  onReset?: () => void;
}

interface State {
  error: Error | null;
}

class Boundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    if (isNetworkFailure(error)) return; // not a bug: the offline page says what happened
    console.error("Unhandled UI error", error, info.componentStack);
  }

  reset = () => {
    retryFailedLoads();
    this.props.onReset?.();
    this.setState({ error: null });
  };

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    if (isNetworkFailure(error)) return <OfflinePage onRetry={this.reset} />;
    return <ErrorFallback onRetry={this.reset} />;
  }
}

function ErrorFallback({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="error-fallback" role="alert">
      <h1 className="page-title">{t("app.errorBoundary.title")}</h1>
      <p>{t("app.errorBoundary.body")}</p>
      <Button onClick={onRetry}>{t("app.errorBoundary.retry")}</Button>
    </div>
  );
}

/** The server could not be reached: say so, retry on demand or as soon as the browser is back
 * online. */
export function OfflinePage({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  useEffect(() => {
    window.addEventListener("online", onRetry);
    return () => window.removeEventListener("online", onRetry);
  }, [onRetry]);
  return (
    <div className="error-fallback offline" role="alert">
      <h1 className="page-title" tabIndex={-1}>
        {t("app.offline.title")}
      </h1>
      <p>{t("app.offline.body")}</p>
      <Button onClick={onRetry}>{t("app.offline.retry")}</Button>
    </div>
  );
}

/**
 * Catches render errors; "retry" also resets failed queries so they are fetched again. A network
 * failure (offline, a page's code or data unreachable) shows the offline page instead of the
 * generic error.
 */
export function ErrorBoundary({ children }: { children: ReactNode }) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => <Boundary onReset={reset}>{children}</Boundary>}
    </QueryErrorResetBoundary>
  );
}

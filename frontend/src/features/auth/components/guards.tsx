import type { ReactNode } from "react";
import { Navigate, useLocation, useSearchParams } from "react-router";
import { SkeletonBlock } from "@/components/ui";
import { useMe } from "../api/queries";

/** Only same-site paths are followed after login ("/x", not "//evil.example" or "https://..."). */
export function safeNextPath(next: string | null | undefined): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
    return "/";
  }
  return next;
}

/** Renders children for a signed-in user; sends visitors to /login?next=<where they were>. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <SkeletonBlock lines={4} />;
  if (me.isError) throw me.error;
  if (!me.data) {
    const next = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

/** For /login and /register: a signed-in user goes to `next` (when safe) or home. */
export function RedirectIfAuthenticated({ children }: { children: ReactNode }) {
  const me = useMe();
  const [params] = useSearchParams();
  if (me.isPending) return <SkeletonBlock lines={4} />;
  if (me.data) return <Navigate to={safeNextPath(params.get("next"))} replace />;
  return <>{children}</>;
}

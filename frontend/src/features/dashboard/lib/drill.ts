import { useCallback } from "react";
import { useLocation, useSearchParams } from "react-router";

/**
 * Where the "progress per domain" section is drilled down to, kept in the URL
 * (/dashboard?domain=2.0&objective=2.4) so Back goes up one level and a link can open a level.
 */
export function useDrillDown() {
  const [params, setParams] = useSearchParams();
  const domain = params.get("domain");
  const objective = domain ? params.get("objective") : null;
  const open = useCallback(
    (next: { domain?: string | null; objective?: string | null }) => {
      const search = new URLSearchParams();
      if (next.domain) search.set("domain", next.domain);
      if (next.domain && next.objective) search.set("objective", next.objective);
      // `drill` tells the section to move focus to the new level's heading.
      setParams(search, { preventScrollReset: true, state: { drill: true } });
    },
    [setParams],
  );
  const location = useLocation();
  const drilled = Boolean((location.state as { drill?: boolean } | null)?.drill);
  return { domain, objective, open, drilled, navigationKey: location.key };
}

/** An objective's domain: "2.4" → "2.0". */
export function domainOf(code: string): string {
  return `${code.split(".")[0]}.0`;
}

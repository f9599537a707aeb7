import { useCallback, useEffect, useRef } from "react";

/**
 * Time spent on the screen since it mounted, paused while the tab is hidden (the learner is not
 * thinking about the question then).
 */
export function useActiveTimer(): () => number {
  const spent = useRef(0);
  const since = useRef<number | null>(null);

  useEffect(() => {
    since.current = document.visibilityState === "hidden" ? null : performance.now();
    const onVisibility = () => {
      if (document.visibilityState === "hidden") {
        if (since.current !== null) spent.current += performance.now() - since.current;
        since.current = null;
      } else if (since.current === null) {
        since.current = performance.now();
      }
    };
    document.addEventListener("visibilitychange", onVisibility);
    return () => document.removeEventListener("visibilitychange", onVisibility);
  }, []);

  return useCallback(() => {
    const running = since.current === null ? 0 : performance.now() - since.current;
    return Math.max(0, Math.round(spent.current + running));
  }, []);
}

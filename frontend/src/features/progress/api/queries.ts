import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Language, Mastery } from "@/api/types";
import { useCurrentUser } from "@/features/auth";
import { api, unwrap } from "@/lib/api-client";
import { DEFAULT_LANGUAGE, isLanguage } from "@/lib/language";
import { progressKeys } from "./keys";

/**
 * Mastery of the sub-objectives the learner has practised (the others are not started).
 * Only asked for a signed-in user: a visitor gets no data and no request.
 */
export function useMastery(examCode: string) {
  const user = useCurrentUser();
  return useQuery({
    queryKey: progressKeys.mastery(examCode),
    queryFn: () => unwrap(api.GET("/api/progress/mastery", { params: { query: { examCode } } })),
    enabled: user !== null,
  });
}

export type MasteryLookup = {
  /** False for a visitor (show nothing) and while loading. */
  ready: boolean;
  get: (subObjectiveCode: string) => Mastery | null;
};

/** Mastery by sub-objective code, for badges in the catalog. */
export function useMasteryByCode(examCode: string): MasteryLookup {
  const mastery = useMastery(examCode);
  const data = mastery.data;
  return useMemo(() => {
    const byCode = new Map((data ?? []).map((item) => [item.subObjectiveCode, item]));
    return { ready: data !== undefined, get: (code) => byCode.get(code) ?? null };
  }, [data]);
}

/** Questions due for review now, in the UI language. */
export function useReviewsDue() {
  const { i18n } = useTranslation();
  const user = useCurrentUser();
  const lang: Language = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
  return useQuery({
    queryKey: progressKeys.due(lang),
    queryFn: () => unwrap(api.GET("/api/reviews/due", { params: { query: { lang } } })),
    enabled: user !== null,
  });
}

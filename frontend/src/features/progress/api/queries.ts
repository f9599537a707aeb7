import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { Language, Mastery, StudyPlan } from "@/api/types";
import { useCurrentUser } from "@/features/auth";
import { api, unwrap } from "@/lib/api-client";
import { ApiError } from "@/lib/api-error";
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

/** The UI language, as the API's `lang`. */
function useLang(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

/** Questions due for review now, in the UI language. */
export function useReviewsDue() {
  const user = useCurrentUser();
  const lang = useLang();
  return useQuery({
    queryKey: progressKeys.due(lang),
    queryFn: () => unwrap(api.GET("/api/reviews/due", { params: { query: { lang } } })),
    enabled: user !== null,
  });
}

// The dashboard's reads: all signed in, titles in the UI language.

export function useProgressSummary(examCode: string) {
  const lang = useLang();
  return useQuery({
    queryKey: progressKeys.summary(examCode, lang),
    queryFn: () =>
      unwrap(api.GET("/api/progress/summary", { params: { query: { examCode, lang } } })),
  });
}

export function useProgressByDomain(examCode: string) {
  const lang = useLang();
  return useQuery({
    queryKey: progressKeys.byDomain(examCode, lang),
    queryFn: () =>
      unwrap(api.GET("/api/progress/by-domain", { params: { query: { examCode, lang } } })),
  });
}

/** The objectives of one domain, or of the whole exam when `domainCode` is null. */
export function useProgressByObjective(
  examCode: string,
  domainCode: string | null,
  enabled = true,
) {
  const lang = useLang();
  return useQuery({
    queryKey: progressKeys.byObjective(examCode, domainCode, lang),
    queryFn: () =>
      unwrap(
        api.GET("/api/progress/by-objective", {
          params: { query: { examCode, lang, ...(domainCode ? { domainCode } : {}) } },
        }),
      ),
    enabled,
  });
}

export function useProgressBySubObjective(examCode: string, objectiveCode: string | null) {
  const lang = useLang();
  return useQuery({
    queryKey: progressKeys.bySubObjective(examCode, objectiveCode ?? "", lang),
    queryFn: () =>
      unwrap(
        api.GET("/api/progress/by-subobjective", {
          params: { query: { examCode, lang, objectiveCode } },
        }),
      ),
    enabled: objectiveCode !== null,
  });
}

/** Answers per day (YYYY-MM-DD, both included), in the learner's time zone. */
export function useActivity(from: string, to: string) {
  return useQuery({
    queryKey: progressKeys.activity(from, to),
    queryFn: () => unwrap(api.GET("/api/progress/activity", { params: { query: { from, to } } })),
  });
}

export function useRecommendations(examCode: string) {
  const lang = useLang();
  return useQuery({
    queryKey: progressKeys.recommendations(examCode, lang),
    queryFn: () =>
      unwrap(api.GET("/api/progress/recommendations", { params: { query: { examCode, lang } } })),
  });
}

/** The daily plan up to the exam date; null while no exam date is set (the API's 404). */
export function useStudyPlan(examCode: string) {
  const lang = useLang();
  return useQuery({
    queryKey: progressKeys.plan(examCode, lang),
    queryFn: async (): Promise<StudyPlan | null> => {
      try {
        return await unwrap(
          api.GET("/api/progress/plan", { params: { query: { examCode, lang } } }),
        );
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

/** Sets the exam date (future only: a 422 carries `fields.date`); answers the new plan. */
export function useSetExamDate(examCode: string) {
  const queryClient = useQueryClient();
  const lang = useLang();
  return useMutation({
    mutationFn: (date: string) =>
      unwrap(api.PUT("/api/progress/exam-date", { body: { date, examCode } })),
    onSuccess: (plan) => {
      queryClient.setQueryData(progressKeys.plan(examCode, lang), plan);
      void queryClient.invalidateQueries({ queryKey: [...progressKeys.all, "summary"] });
    },
  });
}

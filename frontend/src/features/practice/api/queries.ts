import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AnswerInput,
  AnswerResult,
  Language,
  PracticeMode,
  ReportInput,
  SessionSummary,
} from "@/api/types";
import { progressKeys } from "@/features/progress";
import { api, unwrap } from "@/lib/api-client";
import type { ScopeQuery } from "../lib/scope";
import { practiceKeys } from "./keys";

/**
 * The session's current question. Opening the session is a POST (the server creates or resumes
 * it and remembers the question on screen), but it is safe to repeat: asking again before
 * answering gives the same question ("resumed"), so a reload shows it again. Asked again only on
 * purpose (`refetch` for the next question), never behind the learner's back while feedback is
 * shown.
 */
export function usePracticeNext(scope: ScopeQuery | null, mode: PracticeMode, lang: Language) {
  return useQuery({
    queryKey: practiceKeys.next(scope, mode, lang),
    queryFn: () => {
      if (scope === null) throw new Error("usePracticeNext runs only with a scope");
      return unwrap(
        api.POST("/api/practice/sessions", {
          headers: { "Accept-Language": lang },
          body: { ...scope, lang, mode },
        }),
      );
    },
    enabled: scope !== null,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnReconnect: false,
    refetchOnWindowFocus: false,
  });
}

/**
 * Sends an answer. The caller keeps `clientAnswerId` and sends it again to retry the same answer
 * (the server records it once). Progress (mastery, due reviews) is refreshed afterwards.
 */
export function useSubmitAnswer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswerInput): Promise<AnswerResult> =>
      unwrap(api.POST("/api/practice/answers", { body })),
    onSuccess: () => {
      // The question on screen is answered: the cached "next" is stale, but is only fetched
      // again when the learner asks for the next question.
      void queryClient.invalidateQueries({
        queryKey: practiceKeys.nextAll(),
        refetchType: "none",
      });
      void queryClient.invalidateQueries({ queryKey: progressKeys.all });
    },
  });
}

export function useFlagQuestion() {
  return useMutation({
    mutationFn: async ({ questionId, flagged }: { questionId: number; flagged: boolean }) => {
      if (flagged) {
        await unwrap(api.POST("/api/practice/flags", { body: { questionId } }));
      } else {
        await unwrap(
          api.DELETE("/api/practice/flags/{question_id}", {
            params: { path: { question_id: questionId } },
          }),
        );
      }
      return flagged;
    },
  });
}

export function useReportQuestion() {
  return useMutation({
    mutationFn: ({ questionId, ...body }: ReportInput & { questionId: number }) =>
      unwrap(
        api.POST("/api/practice/questions/{question_id}/reports", {
          params: { path: { question_id: questionId } },
          body,
        }),
      ),
  });
}

/** Ends a session; its summary is cached for the summary screen. */
export function useFinishSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string): Promise<SessionSummary> =>
      unwrap(
        api.POST("/api/practice/sessions/{session_id}/finish", {
          params: { path: { session_id: sessionId } },
        }),
      ),
    onSuccess: (summary) => {
      queryClient.setQueryData(practiceKeys.session(summary.id), summary);
      void queryClient.invalidateQueries({ queryKey: progressKeys.all });
    },
  });
}

export function useSessionSummary(sessionId: string) {
  return useQuery({
    queryKey: practiceKeys.session(sessionId),
    queryFn: () =>
      unwrap(
        api.GET("/api/practice/sessions/{session_id}", {
          params: { path: { session_id: sessionId } },
        }),
      ),
  });
}

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AnswerInput,
  AnswerResult,
  Language,
  PracticeMode,
  PracticeNext,
  ReportInput,
  SessionSummary,
} from "@/api/types";
import { progressKeys } from "@/features/progress";
import { api, unwrap } from "@/lib/api-client";
import type { ScopeQuery } from "../lib/scope";
import { practiceKeys } from "./keys";

function openSession(scope: ScopeQuery, mode: PracticeMode, lang: Language, advance: boolean) {
  return unwrap(
    api.POST("/api/practice/sessions", {
      headers: { "Accept-Language": lang },
      body: { ...scope, lang, mode, advance },
    }),
  );
}

/**
 * The question on screen. Opening the session is a POST (the server creates or resumes it and
 * remembers the question on screen), but it is safe to repeat: before answering it gives the same
 * question ("resumed"), after answering the same question with its feedback ("answered"), so a
 * reload shows what was on screen; in the other language, the same question translated. Never
 * asked again behind the learner's back; dropped as soon as no screen shows it (gcTime 0), so
 * that coming back, or back to the other language, asks the server again.
 */
export function usePracticeNext(scope: ScopeQuery | null, mode: PracticeMode, lang: Language) {
  return useQuery({
    queryKey: practiceKeys.next(scope, mode, lang),
    queryFn: () => {
      if (scope === null) throw new Error("usePracticeNext runs only with a scope");
      return openSession(scope, mode, lang, false);
    },
    enabled: scope !== null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    refetchOnReconnect: false,
    refetchOnWindowFocus: false,
  });
}

/** "Next question": leaves the answered question behind; the next one replaces it on screen. */
export function useAdvance(scope: ScopeQuery | null, mode: PracticeMode, lang: Language) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (): Promise<PracticeNext> => {
      if (scope === null) throw new Error("useAdvance runs only with a scope");
      return openSession(scope, mode, lang, true);
    },
    // Offline, fail at once (the caller says so) rather than wait paused behind a spinner.
    networkMode: "always",
    onSuccess: (data) => queryClient.setQueryData(practiceKeys.next(scope, mode, lang), data),
  });
}

/**
 * Sends an answer. The caller keeps `clientAnswerId` and sends it again to retry the same answer
 * (the server records it once). Sent even when the browser says it is offline (networkMode
 * "always"): the request then fails at once and the caller shows its offline state, rather than
 * a request paused out of sight behind a spinner. Progress is refreshed afterwards.
 */
export function useSubmitAnswer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AnswerInput): Promise<AnswerResult> =>
      unwrap(api.POST("/api/practice/answers", { body })),
    networkMode: "always",
    onSuccess: () => {
      // The question on screen is answered: a screen that opens the session again asks the
      // server, which gives it back with its feedback.
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
      queryClient.setQueryData(practiceKeys.session(summary.id, summary.language), summary);
      void queryClient.invalidateQueries({ queryKey: progressKeys.all });
    },
  });
}

/** A session's summary, its questions in `lang` (through their translation groups). */
export function useSessionSummary(sessionId: string, lang: Language) {
  return useQuery({
    queryKey: practiceKeys.session(sessionId, lang),
    queryFn: () =>
      unwrap(
        api.GET("/api/practice/sessions/{session_id}", {
          headers: { "Accept-Language": lang },
          params: { path: { session_id: sessionId }, query: { lang } },
        }),
      ),
  });
}

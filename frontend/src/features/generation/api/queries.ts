import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { GenerateInput, GenerationRun, GenerationStarted, Language } from "@/api/types";
import { api, unwrap } from "@/lib/api-client";
import { ApiError } from "@/lib/api-error";
import { pollInterval } from "../lib/run";
import { generationKeys } from "./keys";

/** Starts a generation (202 at once); the run is then polled with `useGenerationRun`. */
export function useStartGeneration() {
  return useMutation({
    mutationFn: (body: GenerateInput): Promise<GenerationStarted> =>
      unwrap(
        api.POST("/api/generation/runs", {
          headers: { "Accept-Language": body.lang },
          body,
        }),
      ),
  });
}

/**
 * A run and the questions accepted so far (never their answers), polled about once a second
 * until it succeeds, partly succeeds or fails.
 */
export function useGenerationRun(runId: string | null, lang: Language) {
  return useQuery({
    queryKey: generationKeys.run(runId ?? "", lang),
    queryFn: () =>
      unwrap(
        api.GET("/api/generation/runs/{run_id}", {
          headers: { "Accept-Language": lang },
          params: { path: { run_id: runId ?? "" } },
        }),
      ),
    enabled: runId !== null,
    refetchInterval: (query) => (query.state.error ? false : pollInterval(query.state.data)),
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: false,
  });
}

/**
 * Cancels the learner's run. The answer is the run as it now stands (cancelled), which replaces
 * the polled one at once. A 409 means the run ended meanwhile: the poll then shows how.
 */
export function useCancelGeneration(runId: string, lang: Language) {
  const queryClient = useQueryClient();
  const key = generationKeys.run(runId, lang);
  return useMutation({
    mutationFn: (): Promise<GenerationRun> =>
      unwrap(
        api.POST("/api/generation/runs/{run_id}/cancel", {
          headers: { "Accept-Language": lang },
          params: { path: { run_id: runId } },
        }),
      ),
    onSuccess: (run) => queryClient.setQueryData(key, run),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
    },
  });
}

/** Whether an AI model is configured on the server: without one, nothing offers to generate. */
export function useGenerationAvailability(enabled = true) {
  return useQuery({
    queryKey: generationKeys.availability(),
    queryFn: () => unwrap(api.GET("/api/generation/availability")),
    enabled,
    staleTime: 10 * 60_000,
  });
}

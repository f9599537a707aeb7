import { useMutation, useQuery } from "@tanstack/react-query";
import type { GenerateInput, GenerationStarted, Language } from "@/api/types";
import { api, unwrap } from "@/lib/api-client";
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

/** Whether an AI model is configured on the server: without one, nothing offers to generate. */
export function useGenerationAvailability(enabled = true) {
  return useQuery({
    queryKey: generationKeys.availability(),
    queryFn: () => unwrap(api.GET("/api/generation/availability")),
    enabled,
    staleTime: 10 * 60_000,
  });
}

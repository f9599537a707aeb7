import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./api-error";
import { isNetworkFailure } from "./network";

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // A 4xx will not change by asking again; network and 5xx errors get one more try.
        retry: (failureCount, error) =>
          !(error instanceof ApiError && error.status < 500) && failureCount < 1,
        // Offline, a query fails (rather than waits, paused, behind an endless skeleton)...
        networkMode: "always",
        // ...and a page with nothing to show yet is replaced by the offline page of the nearest
        // error boundary, with a retry; a page showing earlier data keeps it.
        throwOnError: (error, query) => isNetworkFailure(error) && query.state.data === undefined,
      },
      mutations: { retry: false },
    },
  });
}

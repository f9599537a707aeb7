// React.lazy keeps a failed load for good. A page whose code could not be fetched (offline)
// remembers the attempt it failed in; the error boundaries' "try again" starts a new attempt,
// and the page then loads its code anew (app/routes.tsx). Swapping the page at once on failure
// instead would make React's own re-render after an error fetch it again, endlessly.
let attempt = 0;

export function loadAttempt(): number {
  return attempt;
}

export function retryFailedLoads(): void {
  attempt += 1;
}

import { ApiError, NetworkError } from "./api-error";

// What browsers say when a request or a page's code never got an answer: fetch's TypeError
// (Chromium "Failed to fetch", Firefox "NetworkError when attempting to fetch resource", Safari
// "Load failed") and a lazy page whose module could not be loaded.
const NETWORK_MESSAGE =
  /failed to fetch|networkerror|load failed|dynamically imported module|importing a module script failed|unable to preload/i;

/**
 * True when the error means the server could not be reached (offline, connection lost), as
 * opposed to a server that answered with an error or a bug in the page: the API client's
 * NetworkError, a fetch or module-loading TypeError, or anything at all while the browser says
 * it is offline. An answer from the server (ApiError) never is.
 */
export function isNetworkFailure(error: unknown): boolean {
  if (error instanceof ApiError) return false;
  if (error instanceof NetworkError) return true;
  if (typeof navigator !== "undefined" && navigator.onLine === false) return true;
  return error instanceof TypeError && NETWORK_MESSAGE.test(error.message);
}

import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiError, NetworkError } from "./api-error";
import { isNetworkFailure } from "./network";

describe("isNetworkFailure", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("is true when the server could not be reached", () => {
    expect(isNetworkFailure(new NetworkError(new TypeError("Failed to fetch")))).toBe(true);
    expect(isNetworkFailure(new TypeError("Failed to fetch"))).toBe(true);
    expect(isNetworkFailure(new TypeError("NetworkError when attempting to fetch resource."))).toBe(
      true,
    );
    expect(isNetworkFailure(new TypeError("Load failed"))).toBe(true);
    expect(
      isNetworkFailure(
        new TypeError("Failed to fetch dynamically imported module: /assets/Page-1.js"),
      ),
    ).toBe(true);
  });

  it("is false for an answer from the server and for a bug in the page", () => {
    expect(isNetworkFailure(new ApiError(500, null))).toBe(false);
    expect(
      isNetworkFailure(new ApiError(503, { error: { code: "x", message: "Down", fields: null } })),
    ).toBe(false);
    expect(isNetworkFailure(new TypeError("undefined is not a function"))).toBe(false);
    expect(isNetworkFailure(new Error("Failed to fetch"))).toBe(false);
  });

  it("is true for anything but a server answer while the browser is offline", () => {
    vi.stubGlobal("navigator", { ...navigator, onLine: false });
    expect(isNetworkFailure(new TypeError("undefined is not a function"))).toBe(true);
    expect(isNetworkFailure(new ApiError(502, null))).toBe(false);
  });
});

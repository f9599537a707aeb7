import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/react";
import { afterEach, beforeEach, vi } from "vitest";

// Every test runs on the fake clock, so no test depends on how fast the machine is. The app's
// timers (TanStack Query's and React's scheduling, debounces, polls, toasts) only fire as the clock
// is moved: findBy*/waitFor move it 50 ms between checks and give up after their timeout in fake
// time (1 s by default), however long the renders between checks take on a busy machine; userEvent
// moves it for its pauses (see setupUser). Testing Library does this when it sees Jest's global:
// Vitest's API is the same.
Object.assign(globalThis, {
  jest: { advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms) },
});

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  for (const cookie of document.cookie.split(";")) {
    const name = cookie.split("=")[0]?.trim();
    // biome-ignore lint/suspicious/noDocumentCookie: test isolation.
    if (name) document.cookie = `${name}=; path=/; max-age=0`;
  }
});

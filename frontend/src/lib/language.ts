import type { Language } from "@/api/types";
import { readCookie, writeCookie } from "./cookies";

export const LANGUAGES = ["fr", "en"] as const satisfies readonly Language[];
export const DEFAULT_LANGUAGE: Language = "fr";
export const LANGUAGE_COOKIE = "savoir_lang";
const ONE_YEAR = 60 * 60 * 24 * 365;

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The first language the app speaks in the browser's order of preference (navigator.languages):
 * ["de-DE", "en-US", "fr"] gives English. Null when it speaks none of them.
 */
export function browserLanguage(preferred: readonly string[] | undefined): Language | null {
  for (const tag of preferred ?? []) {
    const primary = tag.split("-")[0]?.toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return null;
}

/**
 * The language of the UI: the signed-in user's saved language, else the visitor's own choice
 * (the `savoir_lang` cookie), else the one Django negotiated for the page from the same and
 * Accept-Language (`<html data-language>`, see core/views.py), else the browser's preference
 * (under the Vite dev server, which serves the page itself), else French.
 */
export function resolveLanguage(options: {
  userLanguage?: string | null;
  cookie?: string | null;
  negotiated?: string | null;
  browserLanguages?: readonly string[];
}): Language {
  if (isLanguage(options.userLanguage)) return options.userLanguage;
  if (isLanguage(options.cookie)) return options.cookie;
  if (isLanguage(options.negotiated)) return options.negotiated;
  return browserLanguage(options.browserLanguages) ?? DEFAULT_LANGUAGE;
}

/** The language to start in, before the signed-in user (if any) is known. */
export function initialLanguage(): Language {
  return resolveLanguage({
    cookie: readLanguageCookie(),
    negotiated: document.documentElement.dataset.language,
    browserLanguages: navigator.languages,
  });
}

export function readLanguageCookie(): string | null {
  return readCookie(LANGUAGE_COOKIE);
}

export function writeLanguageCookie(language: Language): void {
  writeCookie(LANGUAGE_COOKIE, language, ONE_YEAR);
}

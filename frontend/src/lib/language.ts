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
 * The language of the UI: the signed-in user's saved language, else the `savoir_lang` cookie,
 * else the one the server negotiated for the page (from the same and Accept-Language), else French.
 */
export function resolveLanguage(options: {
  userLanguage?: string | null;
  cookie?: string | null;
  negotiated?: string | null;
}): Language {
  if (isLanguage(options.userLanguage)) return options.userLanguage;
  if (isLanguage(options.cookie)) return options.cookie;
  if (isLanguage(options.negotiated)) return options.negotiated;
  return DEFAULT_LANGUAGE;
}

export function readLanguageCookie(): string | null {
  return readCookie(LANGUAGE_COOKIE);
}

export function writeLanguageCookie(language: Language): void {
  writeCookie(LANGUAGE_COOKIE, language, ONE_YEAR);
}

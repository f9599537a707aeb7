import type { i18n } from "i18next";
import { loadI18n } from "@/lib/i18n";
import { loadAttempt } from "@/lib/lazy-retry";
import type en from "./translations/en";
import type enPages from "./translations/en-pages";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en & typeof enPages };
  }
}

type Strings = () => Promise<{ default: object }>;
const shell: Record<"en" | "fr", Strings> = {
  en: () => import("./translations/en"),
  fr: () => import("./translations/fr"),
};
const pages: Record<"en" | "fr", Strings> = {
  en: () => import("./translations/en-pages"),
  fr: () => import("./translations/fr-pages"),
};
const pick = <T>(table: Record<"en" | "fr", T>, language: string): T =>
  language === "en" ? table.en : table.fr;

/** Per i18next instance: loads the pages' strings in its current language, once. */
const pageStringLoaders = new WeakMap<i18n, () => Promise<void>>();

/**
 * The app's i18next with the shell's strings in `language`. The pages' strings follow with the
 * first page that needs them (`pageStrings`); from then on, switching language loads both.
 */
export async function startI18n(language: string): Promise<i18n> {
  let withPages = false;
  const instance = await loadI18n(async (lng) => {
    const parts = await Promise.all([pick(shell, lng)(), withPages ? pick(pages, lng)() : null]);
    return { default: { ...parts[0].default, ...parts[1]?.default } };
  }, language);
  pageStringLoaders.set(instance, async () => {
    withPages = true;
    const lng = instance.language;
    const strings = await pick(pages, lng)();
    instance.addResourceBundle(lng, "translation", strings.default, true, true);
  });
  return instance;
}

const loading = new WeakMap<i18n, { promise: Promise<void>; language: string; attempt: number }>();

/**
 * Null when the pages' strings are there (always in tests, which hold every string), else the
 * promise of their arrival, for a page to suspend on. A failed download (offline) stays failed,
 * so the error boundary shows it, until its "try again" starts a new attempt (lib/lazy-retry.ts):
 * a fresh promise on every render would suspend forever instead.
 */
export function pageStrings(instance: i18n): Promise<void> | null {
  if (instance.getResource(instance.language, "translation", "dashboard") !== undefined)
    return null;
  const load = pageStringLoaders.get(instance);
  if (!load) return null;
  const current = loading.get(instance);
  const { language } = instance;
  if (current?.language === language && current.attempt === loadAttempt()) return current.promise;
  const promise = load();
  loading.set(instance, { promise, language, attempt: loadAttempt() });
  return promise;
}

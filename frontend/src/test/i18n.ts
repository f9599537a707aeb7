import en from "@/app/translations/en";
import enPages from "@/app/translations/en-pages";
import fr from "@/app/translations/fr";
import frPages from "@/app/translations/fr-pages";
import { createI18n } from "@/lib/i18n";

export const resources = {
  en: { translation: { ...en, ...enPages } },
  fr: { translation: { ...fr, ...frPages } },
} as const;

/** Both languages at once, so that tests render synchronously and can switch language. */
export function setupI18n(language: string) {
  return createI18n(resources, language);
}

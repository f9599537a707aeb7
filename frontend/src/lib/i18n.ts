import i18next, { type Resource } from "i18next";
import { initReactI18next } from "react-i18next";
import { DEFAULT_LANGUAGE, LANGUAGES } from "./language";

function syncDocumentLanguage(language: string): void {
  if (typeof document !== "undefined") document.documentElement.lang = language;
}

/** Creates the i18next instance; `resources` are assembled by the app from every feature. */
export function createI18n(resources: Resource, language: string) {
  const instance = i18next.createInstance();
  instance.use(initReactI18next);
  instance.on("languageChanged", syncDocumentLanguage);
  void instance.init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    defaultNS: "translation",
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  syncDocumentLanguage(language);
  return instance;
}

import i18next, { type InitOptions, type i18n, type Resource } from "i18next";
import resourcesToBackend from "i18next-resources-to-backend";
import { initReactI18next } from "react-i18next";
import { DEFAULT_LANGUAGE, LANGUAGES } from "./language";

function syncDocumentLanguage(language: string): void {
  if (typeof document !== "undefined") document.documentElement.lang = language;
}

const options: InitOptions = {
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  defaultNS: "translation",
  ns: ["translation"],
  interpolation: { escapeValue: false },
  returnNull: false,
};

function createInstance(language: string): i18n {
  const instance = i18next.createInstance();
  instance.use(initReactI18next);
  instance.on("languageChanged", syncDocumentLanguage);
  syncDocumentLanguage(language);
  return instance;
}

/** An i18next instance holding every language already (tests render synchronously with it). */
export function createI18n(resources: Resource, language: string): i18n {
  const instance = createInstance(language);
  void instance.init({ ...options, resources, lng: language, initAsync: false });
  return instance;
}

/**
 * An i18next instance that downloads one language's strings when it is first needed: the
 * visitor's language before the first render, another one when they switch (changeLanguage
 * waits for it). `load` returns the language's module, whose default export is its strings.
 */
export async function loadI18n(
  load: (language: string) => Promise<{ default: object }>,
  language: string,
): Promise<i18n> {
  const instance = createInstance(language);
  instance.use(resourcesToBackend((lng: string) => load(lng)));
  // The fallback language is loaded only if a string is missing, not up front.
  await instance.init({ ...options, lng: language, preload: false, fallbackLng: false });
  return instance;
}

import authEn from "@/features/auth/locales/en.json";
import authFr from "@/features/auth/locales/fr.json";
import catalogEn from "@/features/catalog/locales/en.json";
import catalogFr from "@/features/catalog/locales/fr.json";
import dashboardEn from "@/features/dashboard/locales/en.json";
import dashboardFr from "@/features/dashboard/locales/fr.json";
import generationEn from "@/features/generation/locales/en.json";
import generationFr from "@/features/generation/locales/fr.json";
import moderationEn from "@/features/moderation/locales/en.json";
import moderationFr from "@/features/moderation/locales/fr.json";
import practiceEn from "@/features/practice/locales/en.json";
import practiceFr from "@/features/practice/locales/fr.json";
import profileEn from "@/features/profile/locales/en.json";
import profileFr from "@/features/profile/locales/fr.json";
import progressEn from "@/features/progress/locales/en.json";
import progressFr from "@/features/progress/locales/fr.json";
import { createI18n } from "@/lib/i18n";
import commonEn from "@/lib/locales/en.json";
import commonFr from "@/lib/locales/fr.json";
import appEn from "./locales/en.json";
import appFr from "./locales/fr.json";

// One file pair per feature, mounted under the feature's name: keys read `auth.login.submit`.
const en = {
  common: commonEn,
  app: appEn,
  auth: authEn,
  profile: profileEn,
  catalog: catalogEn,
  practice: practiceEn,
  progress: progressEn,
  dashboard: dashboardEn,
  generation: generationEn,
  moderation: moderationEn,
};
const fr = {
  common: commonFr,
  app: appFr,
  auth: authFr,
  profile: profileFr,
  catalog: catalogFr,
  practice: practiceFr,
  progress: progressFr,
  dashboard: dashboardFr,
  generation: generationFr,
  moderation: moderationFr,
};

export const resources = {
  en: { translation: en },
  fr: { translation: fr },
} as const;

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
  }
}

export function setupI18n(language: string) {
  return createI18n(resources, language);
}

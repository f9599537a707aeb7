import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "@/api/types";
import { useToast } from "@/components/ui";
import { setCurrentUser, useCurrentUser } from "@/features/auth";
import { useUpdateProfile } from "@/features/profile";
import { errorMessage } from "@/lib/forms";
import { readLanguageCookie, writeLanguageCookie } from "@/lib/language";

/** Keeps the UI language (and the `savoir_lang` cookie) on the signed-in user's saved language. */
export function LanguageSync() {
  const { i18n } = useTranslation();
  const language = useCurrentUser()?.language;
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the saved language only.
  useEffect(() => {
    if (!language) return;
    if (readLanguageCookie() !== language) writeLanguageCookie(language);
    if (i18n.language !== language) void i18n.changeLanguage(language);
  }, [language]);
  return null;
}

/**
 * Switches the UI language. A visitor's choice lives in the `savoir_lang` cookie; a signed-in
 * user's is also saved on the profile (PATCH /api/users/me).
 */
export function useSwitchLanguage() {
  const { i18n, t } = useTranslation();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const update = useUpdateProfile();
  const toast = useToast();

  return (language: Language) => {
    writeLanguageCookie(language);
    void i18n.changeLanguage(language);
    if (user && user.language !== language) {
      setCurrentUser(queryClient, { ...user, language });
      update.mutate(
        { language },
        {
          onError: (error) => {
            setCurrentUser(queryClient, user);
            toast.show(errorMessage(error, t), "error");
          },
        },
      );
    }
  };
}

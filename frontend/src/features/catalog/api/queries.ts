import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import type { Language } from "@/api/types";
import { api, unwrap } from "@/lib/api-client";
import { ApiError } from "@/lib/api-error";
import { DEFAULT_LANGUAGE, isLanguage } from "@/lib/language";
import { catalogKeys } from "./keys";

/** The blueprint changes with a content release, not during a visit. */
const CATALOG_STALE_MS = 10 * 60_000;

/**
 * `lang` picks the content's language; the server's own messages (a 404's "Unknown objective")
 * follow the request language, so Accept-Language says the same (a visitor may have no cookie).
 */
const inLanguage = (lang: Language) => ({ "Accept-Language": lang });

/** The UI language, which is also the language the catalog is asked for. */
export function useCatalogLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}

export function useExams() {
  const lang = useCatalogLanguage();
  return useQuery({
    queryKey: catalogKeys.exams(lang),
    queryFn: () =>
      unwrap(
        api.GET("/api/catalog/exams", { headers: inLanguage(lang), params: { query: { lang } } }),
      ),
    staleTime: CATALOG_STALE_MS,
  });
}

export function useDomains(examCode: string) {
  const lang = useCatalogLanguage();
  return useQuery({
    queryKey: catalogKeys.domains(examCode, lang),
    queryFn: () =>
      unwrap(
        api.GET("/api/catalog/domains", {
          headers: inLanguage(lang),
          params: { query: { examCode, lang } },
        }),
      ),
    staleTime: CATALOG_STALE_MS,
  });
}

/** The objectives of one domain, or of the whole exam when `domainCode` is null. */
export function useObjectives(examCode: string, domainCode: string | null) {
  const lang = useCatalogLanguage();
  return useQuery({
    queryKey: catalogKeys.objectives(examCode, domainCode, lang),
    queryFn: () =>
      unwrap(
        api.GET("/api/catalog/objectives", {
          headers: inLanguage(lang),
          params: { query: { examCode, lang, ...(domainCode ? { domainCode } : {}) } },
        }),
      ),
    staleTime: CATALOG_STALE_MS,
  });
}

export function useSubObjectives(examCode: string, objectiveCode: string) {
  const lang = useCatalogLanguage();
  return useQuery({
    queryKey: catalogKeys.subObjectives(examCode, objectiveCode, lang),
    queryFn: () =>
      unwrap(
        api.GET("/api/catalog/sub-objectives", {
          headers: inLanguage(lang),
          params: { query: { examCode, objectiveCode, lang } },
        }),
      ),
    staleTime: CATALOG_STALE_MS,
  });
}

export function useSubObjective(examCode: string, subObjectiveCode: string) {
  const lang = useCatalogLanguage();
  return useQuery({
    queryKey: catalogKeys.subObjective(examCode, subObjectiveCode, lang),
    queryFn: () =>
      unwrap(
        api.GET("/api/catalog/exams/{code}/sub-objectives/{sub_code}", {
          headers: inLanguage(lang),
          params: { path: { code: examCode, sub_code: subObjectiveCode }, query: { lang } },
        }),
      ),
    staleTime: CATALOG_STALE_MS,
  });
}

/** A sub-objective's study note (English when the language has none; 404 when it has none). */
export function useStudyNote(examCode: string, subObjectiveCode: string) {
  const lang = useCatalogLanguage();
  return useQuery({
    queryKey: catalogKeys.note(examCode, subObjectiveCode, lang),
    queryFn: () =>
      unwrap(
        api.GET("/api/catalog/exams/{code}/sub-objectives/{sub_code}/note", {
          headers: inLanguage(lang),
          params: { path: { code: examCode, sub_code: subObjectiveCode }, query: { lang } },
        }),
      ),
    staleTime: CATALOG_STALE_MS,
    // A sub-objective without a note is not an error worth asking again.
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });
}

/** The whole blueprint (desktop tree). The server sends an ETag; the browser revalidates it. */
export function useExamTree(examCode: string, { enabled = true }: { enabled?: boolean } = {}) {
  const lang = useCatalogLanguage();
  return useQuery({
    queryKey: catalogKeys.tree(examCode, lang),
    queryFn: () =>
      unwrap(
        api.GET("/api/catalog/exams/{code}/tree", {
          headers: inLanguage(lang),
          params: { path: { code: examCode }, query: { lang } },
        }),
      ),
    staleTime: CATALOG_STALE_MS,
    enabled,
  });
}

/** Ranked hits over both languages; the previous hits stay on screen while the next load. */
export function useCatalogSearch(examCode: string, q: string) {
  const lang = useCatalogLanguage();
  const query = q.trim();
  return useQuery({
    queryKey: catalogKeys.search(examCode, query, lang),
    queryFn: () =>
      unwrap(
        api.GET("/api/catalog/search", {
          headers: inLanguage(lang),
          params: { query: { q: query, examCode, lang } },
        }),
      ),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
    staleTime: CATALOG_STALE_MS,
  });
}

export function useGlossary(examCode: string, q: string) {
  const lang = useCatalogLanguage();
  const query = q.trim();
  return useQuery({
    queryKey: catalogKeys.glossary(examCode, query, lang),
    queryFn: () =>
      unwrap(
        api.GET("/api/catalog/glossary", {
          headers: inLanguage(lang),
          params: { query: { q: query, examCode, lang } },
        }),
      ),
    placeholderData: keepPreviousData,
    staleTime: CATALOG_STALE_MS,
  });
}

import { type KeyboardEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { SearchHit } from "@/api/types";
import { Spinner } from "@/components/ui";
import { errorMessage } from "@/lib/forms";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { useCatalogSearch } from "../api/queries";
import { searchHitPath } from "../lib/paths";
import { QuestionCount } from "./Badges";
import styles from "./CatalogSearch.module.css";
import { FallbackMarker } from "./Wording";

export const SEARCH_DEBOUNCE_MS = 200;
/** Hits grouped by kind, the groups in the order of their best hit (the API ranks them). */
export function groupByKind(hits: SearchHit[]) {
  const groups = new Map<SearchHit["kind"], SearchHit[]>();
  for (const hit of hits) groups.set(hit.kind, [...(groups.get(hit.kind) ?? []), hit]);
  return [...groups].map(([kind, items]) => ({ kind, hits: items }));
}

/**
 * Instant search over the catalog (both languages, accents ignored). Results are links grouped by
 * kind, announced by a live count; ArrowDown moves from the box into the results, arrows move
 * between them, Escape clears and returns to the box.
 */
export function CatalogSearch({ examCode }: { examCode: string }) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const [value, setValue] = useState("");
  const q = useDebouncedValue(value.trim(), SEARCH_DEBOUNCE_MS);
  const search = useCatalogSearch(examCode, q);
  const input = useRef<HTMLInputElement | null>(null);
  const results = useRef<HTMLDivElement | null>(null);
  const active = value.trim().length > 0 && q.length > 0;
  const hits = active ? (search.data ?? []) : [];

  const clear = () => {
    setValue("");
    input.current?.focus();
  };

  const links = () => [...(results.current?.querySelectorAll<HTMLAnchorElement>("a") ?? [])];

  const onInputKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Escape" && value) {
      event.preventDefault();
      clear();
    } else if (event.key === "ArrowDown") {
      const first = links()[0];
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  };

  const onResultsKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.preventDefault();
      clear();
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const all = links();
    const index = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (index === -1) return;
    event.preventDefault();
    const next = event.key === "ArrowDown" ? index + 1 : index - 1;
    if (next < 0) input.current?.focus();
    else all[Math.min(next, all.length - 1)]?.focus();
  };

  let status = "";
  if (active && search.isSuccess && !search.isPlaceholderData) {
    status =
      hits.length === 0
        ? t("catalog.search.noResults", { q })
        : t("catalog.search.results", { count: hits.length });
  }

  return (
    <search className={styles["catalog-search"]} aria-labelledby={`${id}-label`}>
      <form
        className={styles["catalog-search__form"]}
        onSubmit={(event) => {
          // Enter opens the best hit.
          event.preventDefault();
          const first = hits[0];
          if (first) {
            setValue("");
            void navigate(searchHitPath(examCode, first));
          }
        }}
      >
        <label
          id={`${id}-label`}
          htmlFor={`${id}-input`}
          className={styles["catalog-search__label"]}
        >
          {t("catalog.search.label")}
        </label>
        <div className={styles["catalog-search__box"]}>
          <input
            ref={input}
            id={`${id}-input`}
            className={`input ${styles["catalog-search__input"]}`}
            type="search"
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
            placeholder={t("catalog.search.placeholder")}
            aria-describedby={`${id}-hint ${id}-status`}
            aria-controls={`${id}-results`}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            onKeyDown={onInputKeyDown}
          />
          {search.isFetching && active ? (
            <span className={styles["catalog-search__spinner"]}>
              <Spinner size="sm" />
            </span>
          ) : null}
        </div>
        <p id={`${id}-hint`} className="visually-hidden">
          {t("catalog.search.hint")}
        </p>
        <p
          id={`${id}-status`}
          className={styles["catalog-search__status"]}
          role="status"
          aria-live="polite"
        >
          {status}
        </p>
        {active && search.isError ? (
          <p className={styles["catalog-search__error"]}>{errorMessage(search.error, t)}</p>
        ) : null}
        {/* biome-ignore lint/a11y/noStaticElementInteractions: arrow keys between the result links. */}
        <div
          ref={results}
          id={`${id}-results`}
          className={styles["catalog-search__results"]}
          hidden={hits.length === 0}
          onKeyDown={onResultsKeyDown}
        >
          {groupByKind(hits).map((group) => (
            <div key={group.kind} className={styles["search-group"]}>
              <p id={`${id}-${group.kind}`} className={styles["search-group__label"]}>
                {t(`catalog.search.kinds.${group.kind}`)}
              </p>
              <ul className={styles["search-group__list"]} aria-labelledby={`${id}-${group.kind}`}>
                {group.hits.map((hit) => (
                  <li key={`${hit.kind}-${hit.id}`}>
                    <Link
                      to={searchHitPath(examCode, hit)}
                      className={styles["search-hit"]}
                      onClick={() => setValue("")}
                    >
                      <span className={styles["search-hit__code"]}>{hit.code}</span>{" "}
                      <span className={styles["search-hit__text"]}>
                        <span
                          className={styles["search-hit__title"]}
                          lang={hit.fallback ? "en" : undefined}
                        >
                          {hit.title}
                          {hit.fallback ? (
                            <>
                              {" "}
                              <FallbackMarker />
                            </>
                          ) : null}
                        </span>{" "}
                        {hit.kind === "note" && hit.section ? (
                          <span className={styles["search-hit__context"]}>
                            {t("catalog.search.inNote", { heading: hit.section.heading })}
                          </span>
                        ) : null}
                        {hit.kind === "note" && hit.snippet ? (
                          <span className={styles["search-hit__snippet"]}>{hit.snippet}</span>
                        ) : null}
                        {hit.kind === "topic" && hit.contextTitle ? (
                          <span className={styles["search-hit__context"]}>
                            {t("catalog.search.inContext", { title: hit.contextTitle })}
                          </span>
                        ) : null}{" "}
                        {hit.kind !== "note" && hit.title !== hit.titleEn && !hit.fallback ? (
                          <span className={styles["search-hit__en"]} lang="en">
                            {hit.titleEn}
                          </span>
                        ) : null}
                        {hit.questionCount !== null ? (
                          <>
                            {" "}
                            <QuestionCount
                              count={hit.questionCount}
                              className={styles["search-hit__count"]}
                            />
                          </>
                        ) : null}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      </form>
    </search>
  );
}

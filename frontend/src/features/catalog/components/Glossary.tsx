import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { Button, SkeletonBlock } from "@/components/ui";
import { errorMessage } from "@/lib/forms";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { useGlossary } from "../api/queries";
import { DEFAULT_EXAM_CODE } from "../lib/paths";
import catalogSearchStyles from "./CatalogSearch.module.css";
import styles from "./Glossary.module.css";
import { FallbackMarker } from "./Wording";

export const GLOSSARY_DEBOUNCE_MS = 200;

/** The exam's acronyms with an instant filter; in French, the English expansion too. */
export function Glossary({ examCode = DEFAULT_EXAM_CODE }: { examCode?: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [value, setValue] = useState("");
  const q = useDebouncedValue(value.trim(), GLOSSARY_DEBOUNCE_MS);
  const glossary = useGlossary(examCode, q);
  const entries = glossary.data ?? [];
  const showEnglish = i18n.language !== "en";
  // /glossary#PKI (a study note's link): that acronym's entries are pointed out and scrolled to.
  const { hash } = useLocation();
  const targetAcronym = hash ? decodeURIComponent(hash.slice(1)) : null;
  const target = useRef<HTMLDivElement | null>(null);
  const firstTargetId = entries.find((entry) => entry.acronym === targetAcronym)?.id;
  const hasTarget = firstTargetId !== undefined;
  useEffect(() => {
    if (!hasTarget) return;
    target.current?.scrollIntoView?.({ block: "center" });
    target.current?.focus({ preventScroll: true });
  }, [hasTarget]);

  return (
    <div className={styles.glossary}>
      <search className={catalogSearchStyles["catalog-search"]}>
        <form
          className={catalogSearchStyles["catalog-search__form"]}
          onSubmit={(event) => event.preventDefault()}
        >
          <label htmlFor={`${id}-q`} className={catalogSearchStyles["catalog-search__label"]}>
            {t("catalog.glossary.searchLabel")}
          </label>
          <input
            id={`${id}-q`}
            className={`input ${catalogSearchStyles["catalog-search__input"]}`}
            type="search"
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
            placeholder={t("catalog.glossary.placeholder")}
            aria-describedby={`${id}-status`}
            value={value}
            onChange={(event) => setValue(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Escape" && value) {
                event.preventDefault();
                setValue("");
              }
            }}
          />
          <p
            id={`${id}-status`}
            className={catalogSearchStyles["catalog-search__status"]}
            role="status"
          >
            {glossary.isSuccess && !glossary.isPlaceholderData
              ? entries.length === 0
                ? t("catalog.glossary.empty", { q })
                : t("catalog.glossary.count", { count: entries.length })
              : ""}
          </p>
        </form>
      </search>

      {glossary.isPending ? (
        <SkeletonBlock lines={8} />
      ) : glossary.isError ? (
        <div className="catalog-status">
          <p className="alert alert--error" role="alert">
            {errorMessage(glossary.error, t)}
          </p>
          <div>
            <Button variant="secondary" onClick={() => glossary.refetch()}>
              {t("catalog.error.retry")}
            </Button>
          </div>
        </div>
      ) : entries.length === 0 ? (
        <div className="empty-state empty-state--boxed">
          <p className="empty-state__title">{t("catalog.glossary.emptyTitle")}</p>
          <p>{t("catalog.glossary.emptyBody")}</p>
        </div>
      ) : (
        <dl className={styles.glossary__list} aria-busy={glossary.isFetching || undefined}>
          {entries.map((entry) => {
            const isTarget = entry.acronym === targetAcronym;
            const isFirstTarget = entry.id === firstTargetId;
            return (
              <div
                key={entry.id}
                ref={isFirstTarget ? target : undefined}
                tabIndex={isFirstTarget ? -1 : undefined}
                aria-current={isTarget ? "true" : undefined}
                className={`${styles.glossary__entry}${isTarget ? ` ${styles["glossary__entry--target"]}` : ""}`}
              >
                <dt className={styles.glossary__acronym} lang="en">
                  {entry.acronym}
                </dt>
                <dd className={styles.glossary__expansion}>
                  <span lang={entry.fallback ? "en" : undefined}>{entry.expansion}</span>
                  {entry.fallback ? (
                    <>
                      {" "}
                      <FallbackMarker />
                    </>
                  ) : null}
                </dd>
                {showEnglish && !entry.fallback && entry.expansionEn !== entry.expansion ? (
                  <dd className={styles.glossary__english}>
                    <span className={styles["glossary__english-label"]}>
                      {t("catalog.glossary.english")}
                    </span>{" "}
                    <span lang="en">{entry.expansionEn}</span>
                  </dd>
                ) : null}
                {entry.explanation ? (
                  <dd className={styles.glossary__explanation}>{entry.explanation}</dd>
                ) : null}
              </div>
            );
          })}
        </dl>
      )}
    </div>
  );
}

import { type MouseEvent, useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { Button, SkeletonBlock } from "@/components/ui";
import { ApiError } from "@/lib/api-error";
import { errorMessage } from "@/lib/forms";
import { useStudyNote } from "../api/queries";
import { catalogPaths, DEFAULT_EXAM_CODE, NOTE_ID } from "../lib/paths";
import styles from "./StudyNote.module.css";

/** The element a URL fragment names (#note, #note-traps…), once it is on the page. */
function useScrollToFragment(ready: boolean) {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.scrollIntoView?.({ block: "start" });
    target.focus({ preventScroll: true });
  }, [ready, hash]);
}

/**
 * A sub-objective's study note, read before practising: HTML rendered and sanitized by the server
 * (docs: catalog note_format). Its glossary links open the glossary entry in the app; its section
 * headings have ids, so search hits and the practice feedback link straight to them. Nothing is
 * shown for a sub-objective that has no note.
 */
export function StudyNote({
  examCode,
  subObjectiveCode,
}: {
  examCode: string;
  subObjectiveCode: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const navigate = useNavigate();
  const note = useStudyNote(examCode, subObjectiveCode);
  const body = useRef<HTMLDivElement | null>(null);
  useScrollToFragment(note.isSuccess);

  if (note.isError && note.error instanceof ApiError && note.error.status === 404) return null;

  // Links inside the note are the app's own (the glossary): followed without reloading the page.
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const link = (event.target as Element).closest("a");
    const href = link?.getAttribute("href");
    if (!link || !href?.startsWith("/") || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate(href);
  };

  return (
    <section id={NOTE_ID} className={styles.note} aria-labelledby={`${id}-label`} tabIndex={-1}>
      <p id={`${id}-label`} className={styles.note__label}>
        {t("catalog.note.label")}
      </p>
      {note.isPending ? (
        <SkeletonBlock lines={8} />
      ) : note.isError ? (
        <div className="catalog-status">
          <p className="alert alert--error" role="alert">
            {errorMessage(note.error, t)}
          </p>
          <div>
            <Button variant="secondary" onClick={() => note.refetch()}>
              {t("catalog.error.retry")}
            </Button>
          </div>
        </div>
      ) : (
        <>
          {note.data.fallback ? (
            <p className={styles.note__fallback}>{t("catalog.note.fallback")}</p>
          ) : null}
          {/* biome-ignore lint/a11y/noStaticElementInteractions: in-app navigation for the note's own links. */}
          {/* biome-ignore lint/a11y/useKeyWithClickEvents: a link's Enter key fires this click too. */}
          <div
            ref={body}
            className={styles.note__body}
            lang={note.data.locale}
            onClick={onClick}
            // Sanitized on the server with an allowlist (no script, handler or foreign URL).
            // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitized note HTML.
            dangerouslySetInnerHTML={{ __html: note.data.html }}
          />
        </>
      )}
    </section>
  );
}

/** "Read the note": to a sub-objective's study note, e.g. after a wrong answer in practice. */
export function StudyNoteLink({
  subObjectiveCode,
  examCode = DEFAULT_EXAM_CODE,
}: {
  subObjectiveCode: string;
  examCode?: string;
}) {
  const { t } = useTranslation();
  return (
    <p className={styles["note-link"]}>
      <Link to={catalogPaths.note(examCode, subObjectiveCode)}>
        {t("catalog.note.readLink", { code: subObjectiveCode })}
      </Link>
    </p>
  );
}

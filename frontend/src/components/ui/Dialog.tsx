import { type ReactNode, type RefObject, useEffect, useId, useRef } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import styles from "./Dialog.module.css";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: labelled by its title, focus kept inside (Tab and Shift+Tab wrap), Escape and
 * the close button call `onClose`, the rest of the page is inert meanwhile, and focus returns to
 * where it was (the button that opened it) when it closes.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  initialFocus,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  /** What to focus on opening; else the first focusable element of the body. */
  initialFocus?: RefObject<HTMLElement | null>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const panel = useRef<HTMLDivElement | null>(null);
  const body = useRef<HTMLDivElement | null>(null);
  const host = useRef<HTMLDivElement | null>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const background = [...document.body.children].filter(
      (element) => element !== host.current && !element.hasAttribute("inert"),
    );
    for (const element of background) element.setAttribute("inert", "");
    const first =
      initialFocus?.current ?? body.current?.querySelector<HTMLElement>(FOCUSABLE) ?? null;
    (first ?? panel.current)?.focus();
    return () => {
      for (const element of background) element.removeAttribute("inert");
      opener?.focus();
    };
  }, [open, initialFocus]);

  if (!open) return null;

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.key === "Escape") {
      event.stopPropagation();
      onCloseRef.current();
      return;
    }
    if (event.key !== "Tab" || !panel.current) return;
    const items = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className={styles["dialog-host"]} ref={host}>
      <div
        className={styles.dialog__backdrop}
        aria-hidden="true"
        onClick={() => onCloseRef.current()}
      />
      <div
        ref={panel}
        className={styles.dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={description ? `${id}-description` : undefined}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <div className={styles.dialog__header}>
          <h2 id={`${id}-title`} className={styles.dialog__title}>
            {title}
          </h2>
          <button
            type="button"
            className={styles.dialog__close}
            onClick={() => onCloseRef.current()}
            aria-label={t("common.close")}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
        {description ? (
          <p id={`${id}-description`} className={styles.dialog__description}>
            {description}
          </p>
        ) : null}
        <div ref={body}>{children}</div>
      </div>
    </div>,
    document.body,
  );
}

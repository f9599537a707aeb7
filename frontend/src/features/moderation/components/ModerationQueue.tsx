import { type KeyboardEvent, useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { Language, ModerationQueueName } from "@/api/types";
import { Alert, Button, PageHeading, Select, SkeletonBlock } from "@/components/ui";
import { errorMessage } from "@/lib/forms";
import { PAGE_SIZE, useRejectedItems, useReviewQueue } from "../api/queries";
import { ModerationCard } from "./ModerationCard";
import { RejectedCard } from "./RejectedCard";

/** The bank's queues, and the generated questions the quality gate refused (read-only). */
type Tab = ModerationQueueName | "rejected";
const QUEUES: readonly Tab[] = ["pending", "reported", "rejected"];

const parseQueue = (value: string | null): Tab =>
  value === "reported" || value === "rejected" ? value : "pending";
const parseLang = (value: string | null): Language | null =>
  value === "fr" || value === "en" ? value : null;
const parsePage = (value: string | null): number => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 0;
};

/**
 * /moderation — for teachers and admins: AI questions pending moderation, reported questions, and
 * generated questions the quality gate rejected with the reason; the tab, language filter and
 * page live in the URL (?queue=rejected&lang=fr&page=1).
 */
export function ModerationQueue() {
  const { t } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const queue = parseQueue(params.get("queue"));
  const lang = parseLang(params.get("lang"));
  const page = parsePage(params.get("page"));
  // Both hooks are called (rules of hooks); only the shown tab's fetches.
  const questions = useReviewQueue(
    queue === "rejected" ? "pending" : queue,
    lang,
    page,
    queue !== "rejected",
  );
  const rejected = useRejectedItems(lang, page, queue === "rejected");
  const list = queue === "rejected" ? rejected : questions;
  const tabs = useRef(new Map<Tab, HTMLButtonElement | null>());

  const update = (next: { queue?: Tab; lang?: Language | null; page?: number }) => {
    const values = { queue, lang, page: 0, ...next };
    const search = new URLSearchParams();
    if (values.queue !== "pending") search.set("queue", values.queue);
    if (values.lang) search.set("lang", values.lang);
    if (values.page > 0) search.set("page", String(values.page));
    setParams(search);
  };

  const onTabKey = (event: KeyboardEvent) => {
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    event.preventDefault();
    const next = QUEUES[(QUEUES.indexOf(queue) + 1) % QUEUES.length] ?? "pending";
    update({ queue: next });
    tabs.current.get(next)?.focus();
  };

  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.count / PAGE_SIZE)) : 1;

  return (
    <div className="page review">
      <header className="review__header">
        <PageHeading title={t("moderation.title")}>{t("moderation.title")}</PageHeading>
        <p className="level-header__lead">{t("moderation.lead")}</p>
      </header>

      <div className="review__controls">
        <div className="tabs" role="tablist" aria-label={t("moderation.tabsLabel")}>
          {QUEUES.map((item) => (
            <button
              key={item}
              ref={(element) => {
                tabs.current.set(item, element);
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${item}`}
              aria-selected={queue === item}
              aria-controls={`${id}-panel`}
              tabIndex={queue === item ? 0 : -1}
              className={`tabs__tab${queue === item ? " tabs__tab--on" : ""}`}
              onClick={() => update({ queue: item })}
              onKeyDown={onTabKey}
            >
              {t(`moderation.tabs.${item}`)}
            </button>
          ))}
        </div>
        <div className="review__filter">
          <Select
            label={t("moderation.filter.language")}
            value={lang ?? ""}
            onChange={(event) => update({ lang: parseLang(event.target.value) })}
          >
            <option value="">{t("moderation.filter.all")}</option>
            <option value="fr">{t("app.languages.fr")}</option>
            <option value="en">{t("app.languages.en")}</option>
          </Select>
        </div>
      </div>

      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${queue}`}
        className="review__panel"
      >
        {list.isError && !data ? (
          <div className="catalog-status">
            <Alert>{errorMessage(list.error, t)}</Alert>
            <div>
              <Button variant="secondary" onClick={() => list.refetch()}>
                {t("catalog.error.retry")}
              </Button>
            </div>
          </div>
        ) : !data ? (
          <SkeletonBlock lines={8} />
        ) : data.items.length === 0 ? (
          <p className="empty-state empty-state--boxed">{t(`moderation.empty.${queue}`)}</p>
        ) : (
          <>
            <p className="review__count" aria-live="polite">
              {t("moderation.count", { count: data.count })}
            </p>
            {queue === "rejected" ? (
              <>
                <p className="level-header__lead">{t("moderation.rejected.lead")}</p>
                <ul className="moderation-list">
                  {(rejected.data?.items ?? []).map((item) => (
                    <RejectedCard key={item.id} item={item} />
                  ))}
                </ul>
              </>
            ) : (
              <ul className="moderation-list">
                {(questions.data?.items ?? []).map((item) => (
                  <ModerationCard key={item.id} item={item} />
                ))}
              </ul>
            )}
            {pages > 1 ? (
              <nav className="review__pager" aria-label={t("moderation.pager.label")}>
                <Button
                  variant="secondary"
                  disabled={page === 0}
                  onClick={() => update({ page: page - 1 })}
                >
                  {t("moderation.pager.previous")}
                </Button>
                <span>{t("moderation.pager.page", { page: page + 1, pages })}</span>
                <Button
                  variant="secondary"
                  disabled={page + 1 >= pages}
                  onClick={() => update({ page: page + 1 })}
                >
                  {t("moderation.pager.next")}
                </Button>
              </nav>
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}

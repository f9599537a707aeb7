import { useTranslation } from "react-i18next";
import { ButtonLink, Card, PageHeading, SkeletonBlock } from "@/components/ui";
import { catalogPaths, DEFAULT_EXAM_CODE, LocalizedTitle, useExamTree } from "@/features/catalog";
import { MasteryBadge, useMastery, useReviewsDue } from "@/features/progress";
import { formatRelative } from "@/lib/format";
import { errorMessage } from "@/lib/forms";
import { formatUpcoming } from "../lib/format";
import { practicePaths } from "../lib/paths";
import { subObjectiveTitles } from "../lib/scope";
import styles from "./PracticeHome.module.css";

const RECENT = 6;

/** /practice — due reviews and the sub-objectives practised lately, with a way back in. */
export function PracticeHome({ examCode = DEFAULT_EXAM_CODE }: { examCode?: string }) {
  const { t, i18n } = useTranslation();
  const due = useReviewsDue();
  const mastery = useMastery(examCode);
  const tree = useExamTree(examCode);
  const titles = subObjectiveTitles(tree.data);

  const practised = [...(mastery.data ?? [])]
    .filter((item) => item.lastActivityAt)
    .sort((a, b) => (b.lastActivityAt ?? "").localeCompare(a.lastActivityAt ?? ""))
    .slice(0, RECENT);
  const nextDue = (mastery.data ?? [])
    .map((item) => item.reviewDueAt)
    .filter((value): value is string => value !== null)
    .sort()[0];

  return (
    <div className={`page page--narrow`}>
      <header className="level-header">
        <PageHeading title={t("practice.title")}>{t("practice.title")}</PageHeading>
        <p className="level-header__lead">{t("practice.home.lead")}</p>
      </header>

      <Card aria-labelledby="due-title">
        <h2 id="due-title" className="section-title">
          {t("practice.home.dueTitle")}
        </h2>
        {due.isPending ? (
          <SkeletonBlock lines={1} />
        ) : due.isError ? (
          <p>{errorMessage(due.error, t)}</p>
        ) : due.data.count > 0 ? (
          <>
            <p className={styles["practice-home__count"]}>
              {t("practice.home.dueCount", { count: due.data.count })}
            </p>
            <div className="button-row">
              <ButtonLink to={practicePaths.session(examCode, null, "due")}>
                {t("practice.home.reviewNow")}
              </ButtonLink>
            </div>
          </>
        ) : (
          <p className="empty-state">
            {t("practice.home.nothingDue")}{" "}
            {nextDue
              ? t("practice.home.nextDue", { when: formatUpcoming(nextDue, i18n.language) })
              : null}
          </p>
        )}
      </Card>

      <section aria-labelledby="recent-title">
        <h2 id="recent-title" className="section-title">
          {t("practice.home.recentTitle")}
        </h2>
        {mastery.isPending ? (
          <SkeletonBlock lines={3} />
        ) : mastery.isError ? (
          <p>{errorMessage(mastery.error, t)}</p>
        ) : practised.length === 0 ? (
          <div className="empty-state empty-state--boxed">
            <p>{t("practice.home.empty")}</p>
            <p>
              <ButtonLink to={catalogPaths.exam(examCode)} variant="secondary">
                {t("practice.home.catalog")}
              </ButtonLink>
            </p>
          </div>
        ) : (
          <ul className={styles["recent-list"]} aria-labelledby="recent-title">
            {practised.map((item) => {
              const sub = titles.get(item.subObjectiveCode);
              return (
                <li key={item.subObjectiveId} className={styles["recent-item"]}>
                  <div>
                    <p className={styles["recent-item__title"]}>
                      <span className="practice__code">{item.subObjectiveCode}</span>{" "}
                      {sub ? <LocalizedTitle title={sub.title} fallback={sub.fallback} /> : null}
                    </p>
                    <p className={styles["recent-item__meta"]}>
                      <MasteryBadge mastery={item} />
                      {item.lastActivityAt ? (
                        <span>
                          {t("practice.home.lastActivity", {
                            when: formatRelative(item.lastActivityAt, i18n.language),
                          })}
                        </span>
                      ) : null}
                    </p>
                  </div>
                  <ButtonLink
                    variant="secondary"
                    to={practicePaths.session(examCode, item.subObjectiveCode)}
                    aria-label={t("practice.home.continueLabel", {
                      code: item.subObjectiveCode,
                      title: sub?.title ?? "",
                    })}
                  >
                    {t("practice.home.continue")}
                  </ButtonLink>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <div className="button-row">
        <ButtonLink variant="secondary" to={practicePaths.session(examCode, null)}>
          {t("practice.home.wholeExam")}
        </ButtonLink>
      </div>
    </div>
  );
}

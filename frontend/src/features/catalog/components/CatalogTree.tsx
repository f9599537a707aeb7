import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ExamTree } from "@/api/types";
import { SkeletonBlock } from "@/components/ui";
import { MasteryBadge, useMasteryByCode } from "@/features/progress";
import { errorMessage } from "@/lib/forms";
import { useExamTree } from "../api/queries";
import { type CatalogLocation, catalogPaths } from "../lib/paths";
import { QuestionCount } from "./Badges";
import styles from "./CatalogTree.module.css";
import { LocalizedTitle } from "./Wording";

/** The domain and objective codes to open in the tree: the current page and what holds it. */
function ancestorsOf(tree: ExamTree | undefined, location: CatalogLocation): string[] {
  if (!tree) return [];
  switch (location.level) {
    case "exam":
      return [];
    case "domain":
      return [location.domainCode];
    case "objective": {
      const domain = tree.domains.find((d) =>
        d.objectives.some((o) => o.code === location.objectiveCode),
      );
      return domain ? [domain.code, location.objectiveCode] : [];
    }
    case "subObjective": {
      for (const domain of tree.domains) {
        for (const objective of domain.objectives) {
          if (objective.subObjectives.some((s) => s.code === location.subObjectiveCode)) {
            return [domain.code, objective.code];
          }
        }
      }
      return [];
    }
  }
}

function Toggle({
  expanded,
  controls,
  label,
  onToggle,
}: {
  expanded: boolean;
  controls: string;
  label: string;
  onToggle: () => void;
}) {
  return (
    <button
      type="button"
      className={styles.tree__toggle}
      aria-expanded={expanded}
      aria-controls={controls}
      aria-label={label}
      onClick={onToggle}
    >
      <span className={styles.tree__chevron} aria-hidden="true" />
    </button>
  );
}

/**
 * The exam outline beside the detail pane (desktop): domains and objectives open and close,
 * sub-objectives link to their study screen; the current page is aria-current.
 */
export function CatalogTree({ location }: { location: CatalogLocation }) {
  const { t } = useTranslation();
  const { examCode } = location;
  const tree = useExamTree(examCode);
  const mastery = useMasteryByCode(examCode);
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const ancestors = ancestorsOf(tree.data, location).join(" ");

  // Opens the branch of the current page (keeps whatever the learner opened).
  useEffect(() => {
    if (!ancestors) return;
    setOpen((current) => new Set([...current, ...ancestors.split(" ")]));
  }, [ancestors]);

  const toggle = (code: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });

  const currentCode =
    location.level === "exam"
      ? null
      : location.level === "domain"
        ? location.domainCode
        : location.level === "objective"
          ? location.objectiveCode
          : location.subObjectiveCode;
  const current = (code: string) => (code === currentCode ? "page" : undefined);

  return (
    <nav className={styles.tree} aria-label={t("catalog.tree.label")}>
      {tree.isPending ? (
        <SkeletonBlock lines={8} />
      ) : tree.isError ? (
        <div className={styles.tree__error}>
          <p>{errorMessage(tree.error, t)}</p>
          <button type="button" className="btn btn--secondary" onClick={() => tree.refetch()}>
            {t("catalog.error.retry")}
          </button>
        </div>
      ) : (
        <>
          <p className={styles.tree__exam}>
            <Link
              to={catalogPaths.exam(examCode)}
              aria-current={location.level === "exam" ? "page" : undefined}
            >
              {tree.data.exam.name}
            </Link>
          </p>
          <ul className={styles.tree__list}>
            {tree.data.domains.map((domain) => {
              const domainOpen = open.has(domain.code);
              const domainListId = `tree-${domain.code}`;
              return (
                <li key={domain.code}>
                  <div className={styles.tree__row}>
                    <Toggle
                      expanded={domainOpen}
                      controls={domainListId}
                      label={t("catalog.tree.toggleDomain", { code: domain.code })}
                      onToggle={() => toggle(domain.code)}
                    />
                    <Link
                      to={catalogPaths.domain(examCode, domain.code)}
                      className={`${styles.tree__link} ${styles["tree__link--domain"]}`}
                      aria-current={current(domain.code)}
                    >
                      <span className={styles.tree__code}>{domain.code}</span>{" "}
                      <LocalizedTitle title={domain.title} fallback={domain.fallback} />{" "}
                      <span className={styles.tree__weight}>
                        {t("catalog.weight.short", { percent: domain.weightPercent })}
                      </span>
                    </Link>
                  </div>
                  <ul
                    id={domainListId}
                    className={`${styles.tree__list} ${styles["tree__list--nested"]}`}
                    hidden={!domainOpen}
                  >
                    {domain.objectives.map((objective) => {
                      const objectiveOpen = open.has(objective.code);
                      const objectiveListId = `tree-${objective.code}`;
                      return (
                        <li key={objective.code}>
                          <div className={styles.tree__row}>
                            <Toggle
                              expanded={objectiveOpen}
                              controls={objectiveListId}
                              label={t("catalog.tree.toggleObjective", { code: objective.code })}
                              onToggle={() => toggle(objective.code)}
                            />
                            <Link
                              to={catalogPaths.objective(examCode, objective.code)}
                              className={styles.tree__link}
                              aria-current={current(objective.code)}
                            >
                              <span className={styles.tree__code}>{objective.code}</span>{" "}
                              <LocalizedTitle
                                title={objective.title}
                                fallback={objective.fallback}
                              />
                            </Link>
                          </div>
                          <ul
                            id={objectiveListId}
                            className={`${styles.tree__list} ${styles["tree__list--leaves"]}`}
                            hidden={!objectiveOpen}
                          >
                            {objective.subObjectives.map((sub) => (
                              <li key={sub.code} className={`${styles.tree__leaf} tree__leaf`}>
                                <Link
                                  to={catalogPaths.subObjective(examCode, objective.code, sub.code)}
                                  className={`${styles.tree__link}`}
                                  aria-current={current(sub.code)}
                                >
                                  <span className={styles.tree__code}>{sub.code}</span>{" "}
                                  <LocalizedTitle title={sub.title} fallback={sub.fallback} />
                                </Link>
                                <QuestionCount
                                  count={sub.questionCount}
                                  className={styles.tree__count}
                                />
                                {mastery.ready ? (
                                  <MasteryBadge mastery={mastery.get(sub.code)} compact />
                                ) : null}
                              </li>
                            ))}
                          </ul>
                        </li>
                      );
                    })}
                  </ul>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </nav>
  );
}

import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { ProgressNode } from "@/api/types";
import { ButtonLink, SkeletonBlock } from "@/components/ui";
import { catalogPaths, QuestionCount } from "@/features/catalog";
import { practicePaths } from "@/features/practice";
import {
  MasteryBadge,
  useProgressByDomain,
  useProgressByObjective,
  useProgressBySubObjective,
} from "@/features/progress";
import { useDrillDown } from "../lib/drill";
import styles from "./DomainProgress.module.css";
import { MeterBar } from "./MeterBar";
import { SectionError } from "./Status";

export const DOMAINS_SECTION_ID = "progress-by-domain";

function ChevronIcon() {
  return (
    <svg
      className={styles["progress-row__chevron"]}
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M9 6l6 6-6 6" />
    </svg>
  );
}

/**
 * A domain or an objective: its mastery (and a domain's exam weight); choosing it opens the level
 * below.
 */
function NodeButton({
  node,
  onOpen,
  showWeight,
}: {
  node: ProgressNode;
  onOpen: () => void;
  showWeight: boolean;
}) {
  const { t } = useTranslation();
  return (
    <button type="button" className={styles["progress-row"]} onClick={onOpen}>
      <span className={styles["progress-row__title"]}>
        <span className={styles["progress-row__code"]}>{node.code}</span> {node.title}
      </span>
      <span className={styles["progress-row__figure"]}>
        <span>{t("dashboard.domains.mastery", { mastery: node.mastery })}</span>
        <MeterBar value={node.mastery} />
      </span>
      {showWeight && node.weightPercent !== null ? (
        <span className={styles["progress-row__figure"]}>
          <span>
            {t("dashboard.domains.weight", {
              percent: node.weightPercent,
            })}
          </span>
          <MeterBar value={node.weightPercent} tone="weight" />
        </span>
      ) : null}
      <span className={styles["progress-row__meta"]}>
        {t("dashboard.domains.practised", {
          practised: node.subObjectivesPractised,
          total: node.subObjectivesTotal,
        })}
        {` · ${t("dashboard.domains.questions", { count: node.questionCount })}`}
        {node.dueCount > 0 ? ` · ${t("dashboard.domains.due", { count: node.dueCount })}` : ""}
      </span>
      <ChevronIcon />
    </button>
  );
}

/** A sub-objective: level, coverage, due reviews, questions, and links to study it or practise
 * it (practise only where there are questions). */
function SubObjectiveItem({
  node,
  examCode,
  objectiveCode,
}: {
  node: ProgressNode;
  examCode: string;
  objectiveCode: string;
}) {
  const { t } = useTranslation();
  return (
    <li className={styles["sub-progress"]}>
      <p className={styles["sub-progress__title"]}>
        <span className={styles["progress-row__code"]}>{node.code}</span> {node.title}
      </p>
      <p className={styles["sub-progress__meta"]}>
        <MasteryBadge mastery={{ level: node.level, score: node.mastery }} />
        <span>
          {node.topicsTotal > 0
            ? t("dashboard.domains.topics", {
                practised: node.topicsPractised,
                total: node.topicsTotal,
              })
            : node.answered > 0
              ? null
              : t("dashboard.domains.notPractised")}
        </span>
        {node.dueCount > 0 ? (
          <span className={styles["sub-progress__due"]}>
            {t("dashboard.domains.due", { count: node.dueCount })}
          </span>
        ) : null}
        <QuestionCount count={node.questionCount} />
      </p>
      <div className={styles["sub-progress__actions"]}>
        <ButtonLink
          variant="ghost"
          to={catalogPaths.subObjective(examCode, node.parentCode ?? objectiveCode, node.code)}
          aria-label={t("dashboard.domains.studyLabel", { code: node.code, title: node.title })}
        >
          {t("dashboard.domains.study")}
        </ButtonLink>
        {/* Nothing to practise there yet: the study screen says so and offers what exists. */}
        {node.questionCount > 0 ? (
          <ButtonLink
            variant="secondary"
            to={practicePaths.session(examCode, node.code, node.dueCount > 0 ? "due" : undefined)}
            aria-label={t("dashboard.domains.practiseLabel", {
              code: node.code,
              title: node.title,
            })}
          >
            {t("dashboard.domains.practise")}
          </ButtonLink>
        ) : null}
      </div>
    </li>
  );
}

/**
 * Progress per domain, drilled down in place: domains → objectives → sub-objectives. The level is
 * in the URL; after a choice, focus moves to the new level's heading.
 */
export function DomainProgress({ examCode, className }: { examCode: string; className?: string }) {
  const { t } = useTranslation();
  const { domain, objective, open, drilled, navigationKey } = useDrillDown();
  const domains = useProgressByDomain(examCode);
  const objectives = useProgressByObjective(examCode, domain, domain !== null);
  const subs = useProgressBySubObjective(examCode, objective);
  const levelHeading = useRef<HTMLHeadingElement | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each drill-down navigation.
  useEffect(() => {
    if (drilled) levelHeading.current?.focus();
  }, [navigationKey]);

  const go = open;

  const domainNode = domains.data?.find((item) => item.code === domain);
  const objectiveNode = objectives.data?.find((item) => item.code === objective);
  const current = objective ? objectiveNode : domain ? domainNode : null;

  const level = objective ? subs : domain ? objectives : domains;

  return (
    <section
      id={DOMAINS_SECTION_ID}
      className={`card ${className ?? ""}`}
      aria-labelledby="domains-title"
    >
      <h2
        id="domains-title"
        className="section-title"
        tabIndex={-1}
        ref={domain ? undefined : levelHeading}
      >
        {t("dashboard.domains.title")}
      </h2>
      {domain ? (
        <nav className={styles["drill-crumbs"]} aria-label={t("dashboard.domains.title")}>
          <ol>
            <li>
              <button type="button" className={styles["link-button"]} onClick={() => go({})}>
                {t("dashboard.domains.allDomains")}
              </button>
            </li>
            {objective ? (
              <li>
                <button
                  type="button"
                  className={styles["link-button"]}
                  onClick={() => go({ domain })}
                >
                  {domainNode ? `${domainNode.code} ${domainNode.title}` : domain}
                </button>
              </li>
            ) : null}
          </ol>
        </nav>
      ) : (
        <p className="section-lead">{t("dashboard.domains.lead")}</p>
      )}
      {domain ? (
        <h3 className={styles["drill-title"]} tabIndex={-1} ref={levelHeading}>
          {current ? `${current.code} ${current.title}` : (objective ?? domain)}
        </h3>
      ) : null}
      {level.isPending ? (
        <SkeletonBlock lines={4} />
      ) : level.isError ? (
        <SectionError error={level.error} onRetry={() => level.refetch()} />
      ) : objective ? (
        <ul className={styles["sub-progress-list"]}>
          {(subs.data ?? []).map((node) => (
            <SubObjectiveItem
              key={node.id}
              node={node}
              examCode={examCode}
              objectiveCode={objective}
            />
          ))}
        </ul>
      ) : (
        <ul className={styles["progress-list"]}>
          {(level.data ?? []).map((node) => (
            <li key={node.id}>
              <NodeButton
                node={node}
                showWeight={domain === null}
                onOpen={() =>
                  domain ? go({ domain, objective: node.code }) : go({ domain: node.code })
                }
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

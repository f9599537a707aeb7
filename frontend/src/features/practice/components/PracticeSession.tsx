import { useCallback, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import type { PracticeMode, PracticeProgress } from "@/api/types";
import { Alert, Button, ButtonLink, PageHeading, SkeletonBlock, useToast } from "@/components/ui";
import {
  CatalogError,
  catalogPaths,
  LocalizedTitle,
  useCatalogLanguage,
  useExamTree,
} from "@/features/catalog";
import { errorMessage } from "@/lib/forms";
import { useAdvance, useFinishSession, usePracticeNext } from "../api/queries";
import { practicePaths } from "../lib/paths";
import { PRACTICE_MODES, type ResolvedScope, resolveScope } from "../lib/scope";
import styles from "./PracticeSession.module.css";
import { QuestionCard } from "./QuestionCard";

function ScopeHeading({ scope, mode }: { scope: ResolvedScope; mode: PracticeMode }) {
  const { t } = useTranslation();
  const title = scope.kind === "exam" ? t("practice.scope.exam") : scope.title;
  return (
    <header className="practice__header">
      <p className="level-header__eyebrow">{t(`practice.modes.${mode}`)}</p>
      <PageHeading title={`${scope.code ? `${scope.code} ` : ""}${title}`}>
        {scope.code ? <span className="practice__code">{scope.code}</span> : null}{" "}
        <LocalizedTitle title={title} fallback={scope.fallback} />
      </PageHeading>
    </header>
  );
}

function NothingLeft({
  scope,
  mode,
  progress,
  onSeeResults,
  finishing,
  autoFocus,
}: {
  scope: ResolvedScope;
  mode: PracticeMode;
  progress: PracticeProgress;
  onSeeResults: () => void;
  finishing: boolean;
  /** Focus the heading on mount (when it follows a question). */
  autoFocus: boolean;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: on mount only.
  useEffect(() => {
    if (autoFocus) heading.current?.focus();
  }, []);
  return (
    <section className={styles["nothing-left"]} aria-labelledby="nothing-left-title">
      <h2
        id="nothing-left-title"
        className={styles["nothing-left__title"]}
        tabIndex={-1}
        ref={heading}
      >
        {t(`practice.nothingLeft.title.${mode}`)}
      </h2>
      {/* "You have answered every question…" only when some were answered. */}
      <p>
        {mode === "mixed" && progress.answered === 0
          ? t("practice.nothingLeft.bodyFresh")
          : t(`practice.nothingLeft.body.${mode}`)}
      </p>
      <div className="button-row">
        {progress.answered > 0 ? (
          <Button onClick={onSeeResults} loading={finishing}>
            {t("practice.nothingLeft.seeResults")}
          </Button>
        ) : null}
        {scope.objective ? (
          <ButtonLink
            variant={progress.answered > 0 ? "secondary" : "primary"}
            to={practicePaths.session(scope.examCode, scope.objective.code, mode)}
          >
            {t("practice.nothingLeft.continueObjective", { code: scope.objective.code })}
          </ButtonLink>
        ) : null}
      </div>
      <h3 className={styles["nothing-left__subtitle"]}>{t("practice.nothingLeft.otherModes")}</h3>
      <ul className={styles["mode-links"]}>
        {PRACTICE_MODES.filter((item) => item !== mode).map((item) => (
          <li key={item}>
            <Link to={practicePaths.session(scope.examCode, scope.code, item)}>
              {t(`practice.modes.${item}`)}
            </Link>
          </li>
        ))}
      </ul>
      <p>
        <Link to={scope.catalogPath}>
          {t(scope.kind === "subObjective" ? "practice.back.study" : "practice.back.catalog")}
        </Link>
      </p>
    </section>
  );
}

/**
 * The bank has no question on this scope in this language: say so, and offer what exists —
 * generating questions (when the server can), the parent objective, the study screen.
 */
function EmptyScope({
  scope,
  progress,
  generateTo,
  onSeeResults,
  finishing,
}: {
  scope: ResolvedScope;
  progress: PracticeProgress;
  generateTo: string | null;
  onSeeResults: () => void;
  finishing: boolean;
}) {
  const { t } = useTranslation();
  const sub = scope.kind === "subObjective";
  return (
    <section className={styles["nothing-left"]} aria-labelledby="empty-scope-title">
      <h2 id="empty-scope-title" className={styles["nothing-left__title"]}>
        {t(sub ? "practice.empty.title" : "practice.empty.titleScope")}
      </h2>
      <p>{t("practice.empty.body")}</p>
      <ul className={styles.offers}>
        {progress.answered > 0 ? (
          <li>
            <Button onClick={onSeeResults} loading={finishing}>
              {t("practice.nothingLeft.seeResults")}
            </Button>
          </li>
        ) : null}
        {generateTo ? (
          <li className={styles.offer}>
            <ButtonLink to={generateTo} aria-describedby="empty-generate-hint">
              {t("practice.empty.generate")}
            </ButtonLink>
            <p id="empty-generate-hint" className={styles.offer__hint}>
              {t("practice.empty.generateHint")}
            </p>
          </li>
        ) : null}
        {scope.objective ? (
          <li className={styles.offer}>
            <ButtonLink
              variant={generateTo ? "secondary" : "primary"}
              to={practicePaths.session(scope.examCode, scope.objective.code)}
            >
              {t("practice.empty.objective", { code: scope.objective.code })}
            </ButtonLink>
          </li>
        ) : null}
        {sub ? (
          <li className={styles.offer}>
            <ButtonLink
              variant="secondary"
              to={scope.catalogPath}
              aria-describedby="empty-study-hint"
            >
              {t("practice.empty.study")}
            </ButtonLink>
            <p id="empty-study-hint" className={styles.offer__hint}>
              {t("practice.empty.studyHint")}
            </p>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

/**
 * /practice/:exam/:code? — a practice session: one question per screen, resumed where it
 * stopped; finished (summary) when complete or when the learner says so.
 */
export function PracticeSession({
  examCode,
  code,
  mode,
  generatePath,
}: {
  examCode: string;
  code: string | null;
  mode: PracticeMode;
  /** The generation screen of a sub-objective, when the server can generate questions. */
  generatePath?: (subObjectiveCode: string) => string;
}) {
  const { t } = useTranslation();
  const lang = useCatalogLanguage();
  const navigate = useNavigate();
  const toast = useToast();
  const tree = useExamTree(examCode);
  const scope = tree.data ? resolveScope(tree.data, examCode, code) : null;
  const next = usePracticeNext(scope?.query ?? null, mode, lang);
  const advance = useAdvance(scope?.query ?? null, mode, lang);
  const finish = useFinishSession();
  const firstQuestion = useRef<string | null>(null);
  const finishing = useRef<string | null>(null);

  const finishSession = useCallback(
    (sessionId: string) => {
      if (finishing.current === sessionId) return;
      finishing.current = sessionId;
      finish.mutate(sessionId, {
        onSuccess: (summary) =>
          navigate(practicePaths.summary(examCode, code, summary.id, mode), { replace: true }),
        onError: (error) => {
          finishing.current = null;
          toast.show(errorMessage(error, t), "error");
        },
      });
    },
    [finish.mutate, navigate, examCode, code, mode, toast, t],
  );

  const data = next.data;
  const completeSession = data?.status === "session_complete" ? data.session.id : null;
  useEffect(() => {
    if (completeSession) finishSession(completeSession);
  }, [completeSession, finishSession]);

  const goNext = useCallback(
    (last: boolean) => {
      if (!data) return;
      if (last) {
        finishSession(data.session.id);
        return;
      }
      advance.mutate(undefined, {
        onError: (error) => toast.show(errorMessage(error, t), "error"),
      });
    },
    [data, finishSession, advance.mutate, toast, t],
  );

  if (tree.isError) {
    return <CatalogError error={tree.error} onRetry={() => tree.refetch()} examCode={examCode} />;
  }
  if (!tree.data) return <SkeletonBlock lines={6} />;
  if (!scope) {
    return (
      <div className="page page--narrow">
        <PageHeading title={t("practice.title")}>{t("practice.title")}</PageHeading>
        <Alert>{t("practice.notFound")}</Alert>
        <p>
          <Link to={catalogPaths.exam(examCode)}>{t("practice.back.catalog")}</Link>
        </p>
      </div>
    );
  }

  const questionKey = data?.question ? `${data.session.id}:${data.question.id}` : null;
  // The answers before the question on screen (the server counts it once answered), and the
  // session's real size: "Question 1 of 1" when one question exists.
  const progress = data
    ? {
        id: data.session.id,
        answered: data.session.answered - (data.status === "answered" ? 1 : 0),
        target: data.session.size,
      }
    : null;
  if (questionKey && firstQuestion.current === null) firstQuestion.current = questionKey;

  return (
    <div className="page page--narrow practice">
      <div className="practice__top">
        <ScopeHeading scope={scope} mode={mode} />
        {data?.question ? (
          <Button
            variant="secondary"
            className="practice__finish"
            onClick={() => finishSession(data.session.id)}
            loading={finish.isPending}
          >
            {t("practice.actions.finish")}
          </Button>
        ) : null}
      </div>

      {next.isError && !data ? (
        <div className="catalog-status">
          <Alert>{errorMessage(next.error, t)}</Alert>
          <div>
            <Button variant="secondary" onClick={() => next.refetch()}>
              {t("catalog.error.retry")}
            </Button>
          </div>
        </div>
      ) : !data || data.status === "session_complete" ? (
        <SkeletonBlock lines={6} />
      ) : data.question && questionKey && progress ? (
        <QuestionCard
          key={questionKey}
          question={data.question}
          progress={progress}
          initialResult={data.status === "answered" ? (data.answer ?? null) : null}
          autoFocus={questionKey !== firstQuestion.current}
          onNext={goNext}
          nextPending={advance.isPending || finish.isPending}
        />
      ) : data.status === "no_questions" ? (
        <EmptyScope
          scope={scope}
          progress={data.session}
          generateTo={
            scope.kind === "subObjective" && scope.code && generatePath
              ? generatePath(scope.code)
              : null
          }
          onSeeResults={() => finishSession(data.session.id)}
          finishing={finish.isPending}
        />
      ) : (
        <NothingLeft
          scope={scope}
          mode={mode}
          progress={data.session}
          onSeeResults={() => finishSession(data.session.id)}
          finishing={finish.isPending}
          autoFocus={firstQuestion.current !== null}
        />
      )}

      <p className="practice__back">
        <Link to={scope.catalogPath}>
          {t(scope.kind === "subObjective" ? "practice.back.study" : "practice.back.catalog")}
        </Link>
      </p>
    </div>
  );
}

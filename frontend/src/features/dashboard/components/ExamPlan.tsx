import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { StudyPlan } from "@/api/types";
import { Alert, Button, SkeletonBlock, TextField, useToast } from "@/components/ui";
import { useSetExamDate, useStudyPlan } from "@/features/progress";
import { useFormErrors } from "@/lib/forms";
import { addDays, formatDay, formatShortDay } from "../lib/dates";
import styles from "./ExamPlan.module.css";
import { SectionError, TableScroll } from "./Status";
import statusStyles from "./Status.module.css";

const FIELDS = ["date"] as const;
export const PLAN_PREVIEW_DAYS = 14;

function PlanTable({ plan }: { plan: StudyPlan }) {
  const { t, i18n } = useTranslation();
  const [all, setAll] = useState(false);
  const days = all ? plan.days : plan.days.slice(0, PLAN_PREVIEW_DAYS);
  return (
    <div className={styles.plan}>
      <p>
        <strong>
          {t("dashboard.plan.current", { date: formatDay(plan.examDate, i18n.language, "long") })}
        </strong>{" "}
        · {t("dashboard.plan.daysLeft", { count: plan.daysLeft })}
      </p>
      <p>{t("dashboard.plan.newTotal", { count: plan.newQuestionsTotal })}</p>
      <TableScroll label={t("dashboard.plan.caption")}>
        <table className={`${statusStyles["data-table"]} ${styles.plan__table}`} id="plan-table">
          <caption>{t("dashboard.plan.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dashboard.plan.date")}</th>
              <th scope="col">{t("dashboard.plan.newQuestions")}</th>
              <th scope="col">{t("dashboard.plan.reviews")}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.date}>
                <th scope="row">{formatShortDay(day.date, i18n.language)}</th>
                <td>{day.newQuestions}</td>
                <td>{day.reviews}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {plan.days.length > PLAN_PREVIEW_DAYS ? (
        <Button
          variant="ghost"
          aria-controls="plan-table"
          aria-expanded={all}
          onClick={() => setAll((value) => !value)}
        >
          {all
            ? t("dashboard.plan.showLess")
            : t("dashboard.plan.showAll", { count: plan.days.length })}
        </Button>
      ) : null}
    </div>
  );
}

/** The exam date (native date picker, from tomorrow) and the daily plan it gives. */
export function ExamPlan({ examCode, today }: { examCode: string; today: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const plan = useStudyPlan(examCode);
  const setDate = useSetExamDate(examCode);
  const errors = useFormErrors(FIELDS, t);
  const [value, setValue] = useState("");
  const tomorrow = addDays(today, 1);
  const shownValue = value || plan.data?.examDate || "";

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!shownValue) return errors.fail({ date: [t("dashboard.plan.required")] });
    errors.clear();
    setDate.mutate(shownValue, {
      onSuccess: () => {
        setValue("");
        toast.show(t("dashboard.plan.saved"), "success");
      },
      onError: errors.fail,
    });
  };

  return (
    <section className={`card`} aria-labelledby="plan-title">
      <h2 id="plan-title" className="section-title">
        {t("dashboard.plan.title")}
      </h2>
      <p className="section-lead">{t("dashboard.plan.lead")}</p>
      <form className={`form`} onSubmit={onSubmit} noValidate>
        {errors.formError ? <Alert ref={errors.alertRef}>{errors.formError}</Alert> : null}
        <div className={styles.plan__controls}>
          <TextField
            ref={errors.register("date")}
            type="date"
            name="date"
            label={t("dashboard.plan.dateLabel")}
            hint={t("dashboard.plan.dateHint")}
            min={tomorrow}
            required
            value={shownValue}
            onChange={(event) => {
              setValue(event.target.value);
              errors.clearField("date");
            }}
            error={errors.fieldErrors.date}
          />
          <Button type="submit" loading={setDate.isPending}>
            {plan.data ? t("dashboard.plan.change") : t("dashboard.plan.save")}
          </Button>
        </div>
      </form>
      {plan.isPending ? (
        <SkeletonBlock lines={3} />
      ) : plan.isError ? (
        <SectionError error={plan.error} onRetry={() => plan.refetch()} />
      ) : plan.data ? (
        <PlanTable plan={plan.data} />
      ) : (
        <p className="empty-state">{t("dashboard.plan.noDate")}</p>
      )}
    </section>
  );
}

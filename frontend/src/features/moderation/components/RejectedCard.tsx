import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { RejectedItem } from "@/api/types";
import { formatDateTime, keepPunctuation } from "@/lib/format";

/**
 * A generated question the quality gate refused, as the model wrote it, with the reason in the
 * reader's language. Read-only: it never reached the bank. A malformed item may lack parts. Its
 * text carries no `lang`: it may not be in the language asked for (one reason to refuse it).
 */
export function RejectedCard({ item }: { item: RejectedItem }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    // Named by its stem, or by its reason when the stem could not be read.
    <li className="moderation-card" aria-labelledby={item.stem ? `${id}-stem` : `${id}-reason`}>
      <div className="review-card__main">
        <p className="review-card__meta">
          <span className="tag tag--verb">{item.subObjectiveCode}</span>
          <span className="tag tag--verb">
            {t("moderation.rejected.language", {
              language: t(`app.languages.${item.language as "fr"}`),
            })}
          </span>
          <span>
            {t("moderation.card.difficulty", {
              label: t(`generation.form.difficulties.${item.difficulty as 1}`),
            })}
          </span>
          <span>{t("moderation.source.generated")}</span>
          <span>{formatDateTime(item.createdAt, i18n.language)}</span>
        </p>
        <div className="rejected-card__reason">
          <h2 className="review-card__subtitle" id={`${id}-reason`}>
            {t("moderation.rejected.reason")}
          </h2>
          <p>{item.reasonMessage}</p>
        </div>
        {item.stem ? (
          <p className="review-card__stem" id={`${id}-stem`}>
            {keepPunctuation(item.stem)}
          </p>
        ) : (
          <p className="empty-state">{t("moderation.rejected.noStem")}</p>
        )}
        {item.choices.length > 0 ? (
          <ol className="moderation-choices" aria-label={t("moderation.card.choices")}>
            {item.choices.map((choice, index) => (
              <li
                // The payload has no ids; its order is fixed (the key first, as the model sent it).
                // biome-ignore lint/suspicious/noArrayIndexKey: see above.
                key={index}
                className={`moderation-choice${choice.isCorrect ? " moderation-choice--correct" : ""}`}
              >
                <p className="review-choice__text">
                  {choice.isCorrect ? (
                    <span className="status status--correct">{t("moderation.card.correct")}</span>
                  ) : null}{" "}
                  <span>{choice.text}</span>
                </p>
                {choice.explanation ? (
                  <p className="review-choice__explanation">{choice.explanation}</p>
                ) : null}
              </li>
            ))}
          </ol>
        ) : null}
        {item.explanation ? (
          <div className="review-card__explanation">
            <h3 className="review-card__subtitle">{t("moderation.card.explanation")}</h3>
            <p>{item.explanation}</p>
          </div>
        ) : null}
      </div>
    </li>
  );
}

import { useTranslation } from "react-i18next";
import { ButtonLink, Card, SkeletonBlock } from "@/components/ui";
import { useMe } from "@/features/auth";
import { PageHeading } from "../components/PageHeading";
import styles from "./HomePage.module.css";

const FEATURES = ["practice", "progress", "bilingual"] as const;

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();

  if (me.isPending) return <SkeletonBlock lines={4} />;

  if (me.data) {
    return (
      <div className="page page--narrow">
        <section className={`${styles.hero} ${styles["hero--welcome"]}`}>
          <PageHeading title={t("app.titles.home")}>
            {t("app.home.welcomeTitle", { firstName: me.data.firstName })}
          </PageHeading>
          <p className={styles.hero__lead}>{t("app.home.welcomeLead")}</p>
          <div className="button-row">
            <ButtonLink to="/dashboard">{t("app.home.goToDashboard")}</ButtonLink>
            <ButtonLink to="/practice" variant="secondary">
              {t("app.home.goToPractice")}
            </ButtonLink>
            <ButtonLink to="/catalog" variant="secondary">
              {t("app.home.goToCatalog")}
            </ButtonLink>
            <ButtonLink to="/profile" variant="ghost">
              {t("app.home.goToProfile")}
            </ButtonLink>
          </div>
        </section>
      </div>
    );
  }

  return (
    <div className="page">
      <section className={styles.hero}>
        <p className={styles.hero__eyebrow}>CompTIA Security+</p>
        <PageHeading title={t("app.titles.home")}>{t("app.home.title")}</PageHeading>
        <p className={styles.hero__lead}>{t("app.home.lead")}</p>
        <div className="button-row">
          <ButtonLink to="/register">{t("app.home.ctaRegister")}</ButtonLink>
          <ButtonLink to="/login" variant="secondary">
            {t("app.home.ctaLogin")}
          </ButtonLink>
        </div>
      </section>
      <section aria-labelledby="features-title">
        <h2 id="features-title" className="section-title">
          {t("app.home.featuresTitle")}
        </h2>
        <ul className={styles.features__grid}>
          {FEATURES.map((key) => (
            <Card as="li" key={key}>
              <h3 className={styles.feature__title}>{t(`app.home.features.${key}.title`)}</h3>
              <p className={styles.feature__body}>{t(`app.home.features.${key}.body`)}</p>
            </Card>
          ))}
        </ul>
      </section>
    </div>
  );
}

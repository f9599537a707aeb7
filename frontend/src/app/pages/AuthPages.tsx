import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { Card } from "@/components/ui";
import {
  ForgotPasswordForm,
  LoginForm,
  RedirectIfAuthenticated,
  RegisterForm,
  ResetPasswordForm,
} from "@/features/auth";
import { PageHeading } from "../components/PageHeading";

function AuthCard({
  title,
  heading,
  lead,
  children,
}: {
  title: string;
  heading: string;
  lead: string;
  children: ReactNode;
}) {
  return (
    <div className="page page--auth">
      <Card className="auth-card">
        <PageHeading title={title}>{heading}</PageHeading>
        <p className="auth-card__lead">{lead}</p>
        {children}
      </Card>
    </div>
  );
}

export function LoginPage() {
  const { t } = useTranslation();
  return (
    <RedirectIfAuthenticated>
      <AuthCard
        title={t("app.titles.login")}
        heading={t("auth.login.title")}
        lead={t("auth.login.lead")}
      >
        <LoginForm />
      </AuthCard>
    </RedirectIfAuthenticated>
  );
}

export function RegisterPage() {
  const { t } = useTranslation();
  return (
    <RedirectIfAuthenticated>
      <AuthCard
        title={t("app.titles.register")}
        heading={t("auth.register.title")}
        lead={t("auth.register.lead")}
      >
        <RegisterForm />
      </AuthCard>
    </RedirectIfAuthenticated>
  );
}

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  return (
    <AuthCard
      title={t("app.titles.forgotPassword")}
      heading={t("auth.forgot.title")}
      lead={t("auth.forgot.lead")}
    >
      <ForgotPasswordForm />
    </AuthCard>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <AuthCard
      title={t("app.titles.resetPassword")}
      heading={t("auth.reset.title")}
      lead={t("auth.reset.lead")}
    >
      <ResetPasswordForm token={params.get("token")} />
    </AuthCard>
  );
}

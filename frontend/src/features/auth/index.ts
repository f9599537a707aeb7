// The auth feature's public entry point: other features and the app import from here only.
export { authKeys } from "./api/keys";
export {
  fetchMe,
  resetSession,
  setCurrentUser,
  useChangePassword,
  useCurrentUser,
  useLogin,
  useLogout,
  useMe,
} from "./api/queries";
export { ChangePasswordForm } from "./components/ChangePasswordForm";
export { ForgotPasswordForm } from "./components/ForgotPasswordForm";
export { RedirectIfAuthenticated, RequireAuth, safeNextPath } from "./components/guards";
export { LoginForm } from "./components/LoginForm";
export { PasswordChecklist } from "./components/PasswordChecklist";
export { RegisterForm } from "./components/RegisterForm";
export { ResetPasswordForm } from "./components/ResetPasswordForm";
export { checkPassword, isPasswordValid } from "./lib/password-rules";

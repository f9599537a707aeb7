import { RequireAuth } from "@/features/auth";
import { Dashboard } from "@/features/dashboard";

/** /dashboard — the learner's progress (signed in). */
export function DashboardPage() {
  return (
    <RequireAuth>
      <Dashboard />
    </RequireAuth>
  );
}

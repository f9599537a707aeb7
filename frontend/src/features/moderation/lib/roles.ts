import type { User } from "@/api/types";

/** Teachers and admins review questions; learners get 403 from the review API. */
export function canModerate(user: User | null): boolean {
  return user?.role === "teacher" || user?.role === "admin";
}

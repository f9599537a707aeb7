import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import type { Language, RegisterInput, User } from "@/api/types";
import { api, unwrap } from "@/lib/api-client";
import { ApiError } from "@/lib/api-error";
import { authKeys } from "./keys";

export async function fetchMe(): Promise<User | null> {
  try {
    return await unwrap(api.GET("/api/auth/me"));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/** The signed-in user (null for a visitor): the single source of truth for auth state. */
export function useMe() {
  return useQuery({ queryKey: authKeys.me(), queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export function useCurrentUser(): User | null {
  return useMe().data ?? null;
}

export function setCurrentUser(queryClient: QueryClient, user: User | null): void {
  queryClient.setQueryData(authKeys.me(), user);
}

/**
 * A new session begins or ends: every cached query is dropped except `me`, which is set in place
 * (removing it too would leave mounted observers on a detached query that never updates).
 */
export function resetSession(queryClient: QueryClient, user: User | null): void {
  const me = authKeys.me();
  const isMe = (key: readonly unknown[]) =>
    key.length === me.length && key.every((part, index) => part === me[index]);
  void queryClient.cancelQueries({ predicate: (query) => !isMe(query.queryKey) });
  queryClient.removeQueries({ predicate: (query) => !isMe(query.queryKey) });
  setCurrentUser(queryClient, user);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      unwrap(api.POST("/api/auth/login", { body })),
    onSuccess: (user) => {
      // A new session: drop everything cached for the previous visitor.
      resetSession(queryClient, user);
    },
  });
}

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterInput) => unwrap(api.POST("/api/auth/register", { body })),
    onSuccess: (user) => resetSession(queryClient, user),
  });
}

/**
 * Ends the session server-side, leaves the page (so protected pages do not bounce to /login),
 * then forgets every cached query.
 */
export function useLogout({
  redirectTo = "/",
  onLoggedOut,
}: {
  redirectTo?: string;
  /** Runs after the redirect, even though the calling page has unmounted by then. */
  onLoggedOut?: () => void;
} = {}) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/auth/logout")),
    onSuccess: async () => {
      await navigate(redirectTo, { flushSync: true });
      resetSession(queryClient, null);
      onLoggedOut?.();
    },
    onError: async (error) => {
      // Already signed out on the server (expired session): same outcome.
      if (error instanceof ApiError && error.status === 401) {
        await navigate(redirectTo, { flushSync: true });
        resetSession(queryClient, null);
        onLoggedOut?.();
      }
    },
  });
}

export function useForgotPassword() {
  return useMutation({
    mutationFn: (body: { email: string }) =>
      unwrap(api.POST("/api/auth/password/forgot", { body })),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (body: { token: string; newPassword: string }) =>
      unwrap(api.POST("/api/auth/password/reset", { body })),
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      unwrap(api.PUT("/api/users/me/password", { body })),
  });
}

export type { Language };

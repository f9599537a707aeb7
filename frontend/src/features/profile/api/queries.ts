import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ProfileUpdateInput } from "@/api/types";
import { setCurrentUser } from "@/features/auth";
import { api, unwrap } from "@/lib/api-client";
import { profileKeys } from "./keys";

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileUpdateInput) => unwrap(api.PATCH("/api/users/me", { body })),
    onSuccess: (user) => setCurrentUser(queryClient, user),
  });
}

export function useUploadAvatar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) =>
      unwrap(
        api.PUT("/api/users/me/avatar", {
          // The schema types the binary part as a string; the serializer sends the real File.
          body: { file: file as unknown as string },
          bodySerializer: (body) => {
            const form = new FormData();
            form.append("file", body.file as unknown as Blob);
            return form;
          },
        }),
      ),
    onSuccess: (user) => setCurrentUser(queryClient, user),
  });
}

export function useDeleteAvatar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/users/me/avatar")),
    onSuccess: (user) => setCurrentUser(queryClient, user),
  });
}

export function useSessions() {
  return useQuery({
    queryKey: profileKeys.sessions(),
    queryFn: () => unwrap(api.GET("/api/users/me/sessions")),
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (session: { id: string; current: boolean }) =>
      unwrap(
        api.DELETE("/api/users/me/sessions/{session_id}", {
          params: { path: { session_id: session.id } },
        }),
      ),
    onSuccess: (_data, session) =>
      // Ending the current session signs this device out: nothing left to refetch.
      session.current
        ? undefined
        : queryClient.invalidateQueries({ queryKey: profileKeys.sessions() }),
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  Language,
  ModerationEditInput,
  ModerationItem,
  ModerationQueueName,
} from "@/api/types";
import { api, unwrap } from "@/lib/api-client";
import { moderationKeys } from "./keys";

export const PAGE_SIZE = 20;

/** One page of a queue: AI questions pending review, or questions with open reports. */
export function useReviewQueue(
  queue: ModerationQueueName,
  lang: Language | null,
  page: number,
  enabled = true,
) {
  return useQuery({
    enabled,
    queryKey: moderationKeys.queue(queue, lang, page),
    queryFn: () =>
      unwrap(
        api.GET("/api/moderation/questions", {
          params: {
            query: { queue, lang, limit: PAGE_SIZE, offset: page * PAGE_SIZE },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** One page of generated questions the quality gate refused, newest first, with the reason. */
export function useRejectedItems(lang: Language | null, page: number, enabled = true) {
  return useQuery({
    enabled,
    queryKey: moderationKeys.rejected(lang, page),
    queryFn: () =>
      unwrap(
        api.GET("/api/moderation/rejected-items", {
          params: { query: { lang, limit: PAGE_SIZE, offset: page * PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

/** Every review action refreshes both queues (a question leaves one, reports change the other). */
function useReviewMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: moderationKeys.queues() }),
  });
}

const byId = (questionId: number) => ({ params: { path: { question_id: questionId } } });

export function useApproveQuestion() {
  return useReviewMutation(
    (questionId: number): Promise<ModerationItem> =>
      unwrap(api.POST("/api/moderation/questions/{question_id}/approve", byId(questionId))),
  );
}

export function useRejectQuestion() {
  return useReviewMutation(
    ({ questionId, note }: { questionId: number; note: string }): Promise<ModerationItem> =>
      unwrap(
        api.POST("/api/moderation/questions/{question_id}/reject", {
          ...byId(questionId),
          body: { note },
        }),
      ),
  );
}

export function useRetireQuestion() {
  return useReviewMutation(
    (questionId: number): Promise<ModerationItem> =>
      unwrap(api.POST("/api/moderation/questions/{question_id}/retire", byId(questionId))),
  );
}

/** Saves an edit; when learners had answered the question, the server answers a new version. */
export function useEditQuestion() {
  return useReviewMutation(
    ({
      questionId,
      ...body
    }: ModerationEditInput & { questionId: number }): Promise<ModerationItem> =>
      unwrap(api.PUT("/api/moderation/questions/{question_id}", { ...byId(questionId), body })),
  );
}

export function useResolveReport() {
  return useReviewMutation(({ reportId, dismiss }: { reportId: number; dismiss: boolean }) =>
    unwrap(
      api.POST("/api/moderation/reports/{report_id}/resolve", {
        params: { path: { report_id: reportId } },
        body: { dismiss },
      }),
    ),
  );
}

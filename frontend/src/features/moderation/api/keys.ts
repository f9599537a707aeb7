import type { Language, ModerationQueueName } from "@/api/types";

export const moderationKeys = {
  all: ["review"] as const,
  queues: () => [...moderationKeys.all, "queue"] as const,
  queue: (queue: ModerationQueueName, lang: Language | null, page: number) =>
    [...moderationKeys.queues(), queue, lang ?? "all", page] as const,
  rejected: (lang: Language | null, page: number) =>
    [...moderationKeys.all, "rejected", lang ?? "all", page] as const,
};

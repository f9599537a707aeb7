import type { Language, ReviewQueueName } from "@/api/types";

export const reviewKeys = {
  all: ["review"] as const,
  queues: () => [...reviewKeys.all, "queue"] as const,
  queue: (queue: ReviewQueueName, lang: Language | null, page: number) =>
    [...reviewKeys.queues(), queue, lang ?? "all", page] as const,
};

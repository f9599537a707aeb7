export const profileKeys = {
  all: ["profile"] as const,
  sessions: () => [...profileKeys.all, "sessions"] as const,
};

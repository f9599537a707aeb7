// The English strings of the pages loaded on demand (src/app/routes.tsx), one feature per key.
import catalog from "@/features/catalog/locales/en.json";
import dashboard from "@/features/dashboard/locales/en.json";
import generation from "@/features/generation/locales/en.json";
import moderation from "@/features/moderation/locales/en.json";
import practice from "@/features/practice/locales/en.json";
import profile from "@/features/profile/locales/en.json";
import progress from "@/features/progress/locales/en.json";

export default { profile, catalog, practice, progress, dashboard, generation, moderation };

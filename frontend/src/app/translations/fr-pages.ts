// The French strings of the pages loaded on demand (src/app/routes.tsx), one feature per key.
import catalog from "@/features/catalog/locales/fr.json";
import dashboard from "@/features/dashboard/locales/fr.json";
import generation from "@/features/generation/locales/fr.json";
import moderation from "@/features/moderation/locales/fr.json";
import practice from "@/features/practice/locales/fr.json";
import profile from "@/features/profile/locales/fr.json";
import progress from "@/features/progress/locales/fr.json";

export default { profile, catalog, practice, progress, dashboard, generation, moderation };

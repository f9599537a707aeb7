// The French strings of the shell (layout, home, sign-in and registration): what a first visit needs.
// Keys read `auth.login.submit`. The pages' strings are in fr-pages.ts and arrive with them.
import auth from "@/features/auth/locales/fr.json";
import common from "@/lib/locales/fr.json";
import app from "../locales/fr.json";

export default { common, app, auth };

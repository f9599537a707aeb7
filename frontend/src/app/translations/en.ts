// The English strings of the shell (layout, home, sign-in and registration): what a first visit needs.
// Keys read `auth.login.submit`. The pages' strings are in en-pages.ts and arrive with them.
import auth from "@/features/auth/locales/en.json";
import common from "@/lib/locales/en.json";
import app from "../locales/en.json";

export default { common, app, auth };

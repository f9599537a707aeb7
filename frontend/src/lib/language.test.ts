import { describe, expect, it } from "vitest";
import { setupI18n } from "@/test/i18n";
import { readCookie } from "./cookies";
import { readLanguageCookie, resolveLanguage, writeLanguageCookie } from "./language";

describe("resolveLanguage", () => {
  it("defaults to French when nothing says otherwise", () => {
    expect(resolveLanguage({})).toBe("fr");
    expect(resolveLanguage({ cookie: null, userLanguage: null })).toBe("fr");
  });

  it("uses the savoir_lang cookie for a visitor", () => {
    expect(resolveLanguage({ cookie: "en" })).toBe("en");
    expect(resolveLanguage({ cookie: "fr" })).toBe("fr");
  });

  it("ignores an unsupported cookie value", () => {
    expect(resolveLanguage({ cookie: "de" })).toBe("fr");
    expect(resolveLanguage({ cookie: "EN" })).toBe("fr");
  });

  it("prefers the signed-in user's saved language over the cookie", () => {
    expect(resolveLanguage({ userLanguage: "fr", cookie: "en" })).toBe("fr");
    expect(resolveLanguage({ userLanguage: "en", cookie: "fr" })).toBe("en");
  });
});

describe("language cookie", () => {
  it("is written as savoir_lang and read back", () => {
    expect(readLanguageCookie()).toBeNull();
    writeLanguageCookie("en");
    expect(readCookie("savoir_lang")).toBe("en");
    expect(resolveLanguage({ cookie: readLanguageCookie() })).toBe("en");
  });
});

describe("i18n", () => {
  it("sets <html lang> and follows language changes", async () => {
    const i18n = setupI18n("fr");
    expect(document.documentElement.lang).toBe("fr");
    expect(i18n.t("auth.login.submit")).toBe("Se connecter");
    await i18n.changeLanguage("en");
    expect(document.documentElement.lang).toBe("en");
    expect(i18n.t("auth.login.submit")).toBe("Log in");
  });
});

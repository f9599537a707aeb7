import { afterEach, describe, expect, it, vi } from "vitest";
import { setupI18n } from "@/test/i18n";
import { readCookie } from "./cookies";
import {
  browserLanguage,
  initialLanguage,
  readLanguageCookie,
  resolveLanguage,
  writeLanguageCookie,
} from "./language";

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

  it("follows the browser when nobody has chosen", () => {
    expect(resolveLanguage({ browserLanguages: ["en-US", "en"] })).toBe("en");
    expect(resolveLanguage({ browserLanguages: ["fr-CA", "en"] })).toBe("fr");
    expect(resolveLanguage({ cookie: null, browserLanguages: ["de-DE", "de"] })).toBe("fr");
    expect(resolveLanguage({ browserLanguages: [] })).toBe("fr");
  });

  it("lets a choice, the visitor's or the user's, win over the browser", () => {
    expect(resolveLanguage({ cookie: "fr", browserLanguages: ["en-US"] })).toBe("fr");
    expect(resolveLanguage({ cookie: "en", browserLanguages: ["fr-FR"] })).toBe("en");
    expect(resolveLanguage({ userLanguage: "fr", browserLanguages: ["en-US"] })).toBe("fr");
    expect(resolveLanguage({ cookie: "de", browserLanguages: ["en-GB"] })).toBe("en");
  });
});

describe("browserLanguage", () => {
  it("takes the first language the app speaks, in the browser's order", () => {
    expect(browserLanguage(["de-DE", "en-US", "fr"])).toBe("en");
    expect(browserLanguage(["es", "FR-be", "en"])).toBe("fr");
    expect(browserLanguage(["EN"])).toBe("en");
    expect(browserLanguage(["de", "it"])).toBeNull();
    expect(browserLanguage(undefined)).toBeNull();
  });
});

describe("initialLanguage", () => {
  afterEach(() => vi.restoreAllMocks());

  it("reads navigator.languages on a first visit, then the saved choice", () => {
    vi.spyOn(navigator, "languages", "get").mockReturnValue(["en-US", "en"]);
    expect(initialLanguage()).toBe("en");
    writeLanguageCookie("fr");
    expect(initialLanguage()).toBe("fr");
  });

  it("starts in French for a browser that prefers neither language", () => {
    vi.spyOn(navigator, "languages", "get").mockReturnValue(["de-DE", "de"]);
    expect(initialLanguage()).toBe("fr");
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

describe("the language Django negotiated for the page", () => {
  it("comes after the cookie and before the browser's own list", () => {
    expect(resolveLanguage({ negotiated: "en", browserLanguages: ["fr-FR"] })).toBe("en");
    expect(resolveLanguage({ cookie: "fr", negotiated: "en" })).toBe("fr");
    expect(resolveLanguage({ userLanguage: "en", cookie: "fr", negotiated: "fr" })).toBe("en");
    expect(resolveLanguage({ negotiated: "de", browserLanguages: ["en-GB"] })).toBe("en");
  });
});

import { describe, expect, it } from "vitest";

// Every translation file in the app: src/**/locales/{en,fr}.json.
const files = import.meta.glob<{ default: unknown }>("/src/**/locales/*.json", { eager: true });

type Flat = Map<string, unknown>;

function flatten(value: unknown, prefix = "", out: Flat = new Map()): Flat {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      flatten(child, prefix ? `${prefix}.${key}` : key, out);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const folders = new Map<string, Partial<Record<"en" | "fr", Flat>>>();
for (const [path, module] of Object.entries(files)) {
  const match = path.match(/^(.*\/locales)\/(en|fr)\.json$/);
  if (!match) throw new Error(`Unexpected translation file ${path}: only en.json and fr.json`);
  const [, folder = "", language] = match;
  const entry = folders.get(folder) ?? {};
  entry[language as "en" | "fr"] = flatten(module.default);
  folders.set(folder, entry);
}

describe("translation files", () => {
  it("covers the shared strings, the app shell and every feature", () => {
    expect([...folders.keys()].sort()).toEqual([
      "/src/app/locales",
      "/src/features/auth/locales",
      "/src/features/catalog/locales",
      "/src/features/dashboard/locales",
      "/src/features/generation/locales",
      "/src/features/moderation/locales",
      "/src/features/practice/locales",
      "/src/features/profile/locales",
      "/src/features/progress/locales",
      "/src/lib/locales",
    ]);
  });

  for (const [folder, { en, fr }] of folders) {
    describe(folder, () => {
      it("has both en.json and fr.json", () => {
        expect(en, `${folder}/en.json is missing`).toBeDefined();
        expect(fr, `${folder}/fr.json is missing`).toBeDefined();
      });

      it("has the same keys in English and French", () => {
        const enKeys = [...(en?.keys() ?? [])];
        const frKeys = [...(fr?.keys() ?? [])];
        expect(
          enKeys.filter((key) => !fr?.has(key)),
          "keys missing in fr.json",
        ).toEqual([]);
        expect(
          frKeys.filter((key) => !en?.has(key)),
          "keys missing in en.json",
        ).toEqual([]);
      });

      it("has a non-empty string for every key, with the same placeholders", () => {
        for (const [language, flat] of [
          ["en", en],
          ["fr", fr],
        ] as const) {
          for (const [key, value] of flat ?? []) {
            expect(typeof value, `${language}: ${key} is not a string`).toBe("string");
            expect((value as string).trim(), `${language}: ${key} is empty`).not.toBe("");
          }
        }
        for (const [key, value] of en ?? []) {
          const other = fr?.get(key);
          if (typeof value === "string" && typeof other === "string") {
            expect(placeholders(other), `placeholders of ${key}`).toEqual(placeholders(value));
          }
        }
      });
    });
  }
});

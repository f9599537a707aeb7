import { describe, expect, it } from "vitest";

// French typography: a no-break space (U+00A0) before : ; ! ? and before % after a number, and
// inside « » guillemets, so that these signs never start a line of their own.
const NBSP = "\u00a0";

// Every French translation file in the app.
const files = import.meta.glob<{ default: unknown }>("/src/**/locales/fr.json", { eager: true });

function flatten(value: unknown, prefix = "", out = new Map<string, unknown>()) {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) {
      flatten(child, prefix ? `${prefix}.${key}` : key, out);
    }
  } else {
    out.set(prefix, value);
  }
  return out;
}

// Stands for an interpolated value: "{{firstName}} !" needs its space as much as "Ada !".
const VALUE = "\ue000";
// Stands for text the rules do not apply to: URLs ("https://x/?q=1").
const OPAQUE = "\ue001";

function mask(text: string): string {
  return text
    .replace(/\{\{[^}]*\}\}/g, VALUE) // i18next interpolation {{count}}, {{x, number}}
    .replace(/\$t\([^)]*\)/g, VALUE) // nested translations $t(ns:key)
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s\u00a0]*/gi, OPAQUE); // URLs
}

const describeChar = (char: string | undefined) =>
  char === undefined
    ? "nothing"
    : char === " "
      ? "an ordinary space"
      : char === "\u202f"
        ? "a narrow no-break space (the app uses U+00A0)"
        : /\s/.test(char)
          ? `a ${JSON.stringify(char)} space`
          : `no space (${JSON.stringify(char === VALUE ? "}}" : char)})`;

/** Every breach of the rules in one French string, in words. Empty when the string is right. */
function frenchTypographyProblems(text: string): string[] {
  const problems: string[] = [];
  const masked = mask(text);
  for (let i = 0; i < masked.length; i++) {
    const char = masked.charAt(i);
    const before = i > 0 ? masked.charAt(i - 1) : undefined;
    const after = masked.charAt(i + 1);
    if (":;!?".includes(char)) {
      if (before === NBSP) continue;
      // "?!" and "!!": the space goes before the first sign only.
      if ((char === "!" || char === "?") && (before === "!" || before === "?")) continue;
      // A time or a ratio written with a colon: "10:30".
      if (char === ":" && before !== undefined && /\d/.test(before) && /\d/.test(after)) continue;
      problems.push(`${describeChar(before)} before "${char}"`);
    } else if (char === "%") {
      // A percentage: "80 %", "{{percent}} %" (a % elsewhere is not a percentage).
      if (before === NBSP) continue;
      const number = /[\d\ue000]/;
      const spaced = before !== undefined && /\s/.test(before) && number.test(masked.charAt(i - 2));
      if ((before !== undefined && number.test(before)) || spaced) {
        problems.push(`${describeChar(before)} before "%"`);
      }
    } else if (char === "«") {
      if (after !== NBSP) problems.push(`${describeChar(after || undefined)} after "«"`);
    } else if (char === "»") {
      if (before !== NBSP) problems.push(`${describeChar(before)} before "»"`);
    }
  }
  return problems;
}

describe("frenchTypographyProblems", () => {
  it("accepts no-break spaces where French needs them", () => {
    expect(
      frenchTypographyProblems(
        `Bonne réponse${NBSP}! Pourquoi${NBSP}? Record${NBSP}: 3 jours${NBSP}; «${NBSP}IA${NBSP}» 80${NBSP}%`,
      ),
    ).toEqual([]);
    expect(frenchTypographyProblems(`Bienvenue, {{firstName}}${NBSP}!`)).toEqual([]);
    expect(frenchTypographyProblems(`{{percent}}${NBSP}% de l’examen`)).toEqual([]);
    expect(frenchTypographyProblems(`Vraiment${NBSP}?!`)).toEqual([]);
  });

  it("flags ordinary spaces and missing spaces, placeholders included", () => {
    expect(frenchTypographyProblems("Bonne réponse !")).toEqual(['an ordinary space before "!"']);
    expect(frenchTypographyProblems("Record: {{count}}")).toEqual(['no space ("d") before ":"']);
    expect(frenchTypographyProblems("Bienvenue, {{firstName}}!")).toEqual([
      'no space ("}}") before "!"',
    ]);
    expect(frenchTypographyProblems("{{percent}} %")).toEqual(['an ordinary space before "%"']);
    expect(frenchTypographyProblems("80%")).toEqual(['no space ("0") before "%"']);
    expect(frenchTypographyProblems("« IA »")).toEqual([
      'an ordinary space after "«"',
      'an ordinary space before "»"',
    ]);
    expect(frenchTypographyProblems("Prêt\u202f?")).toEqual([
      'a narrow no-break space (the app uses U+00A0) before "?"',
    ]);
  });

  it("leaves alone what is not French punctuation", () => {
    expect(frenchTypographyProblems("Voir https://example.com/a?b=1&c=2%20d")).toEqual([]);
    expect(frenchTypographyProblems("Rendez-vous à 10:30")).toEqual([]);
    expect(frenchTypographyProblems("Clavier, touches 1–5… $t(common:next)")).toEqual([]);
    expect(frenchTypographyProblems("100 % des questions")).toEqual([
      'an ordinary space before "%"',
    ]);
    expect(frenchTypographyProblems("Taux en %, arrondi")).toEqual([]);
  });
});

describe("French translation files", () => {
  it("finds every fr.json", () => {
    expect(Object.keys(files).length).toBe(10);
  });

  it("put a no-break space before : ; ! ? and %, and inside « »", () => {
    const problems: string[] = [];
    for (const [path, module] of Object.entries(files)) {
      for (const [key, value] of flatten(module.default)) {
        if (typeof value !== "string") continue;
        for (const problem of frenchTypographyProblems(value)) {
          problems.push(`${path} ${key}: ${problem} in ${JSON.stringify(value)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

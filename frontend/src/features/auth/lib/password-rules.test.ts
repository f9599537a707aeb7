import { describe, expect, it } from "vitest";
import {
  checkPassword,
  isBuiltFromPersonalInfo,
  isPasswordValid,
  passwordProblem,
  personalNames,
} from "./password-rules";

const met = (password: string) =>
  Object.fromEntries(checkPassword(password).map((rule) => [rule.id, rule.met]));

describe("checkPassword", () => {
  it("reports every rule unmet except the maximum for an empty password", () => {
    expect(met("")).toEqual({
      minLength: false,
      maxLength: true,
      upper: false,
      digit: false,
      special: false,
      notPersonal: null,
    });
  });

  it("returns the rules in display order", () => {
    expect(checkPassword("x").map((rule) => rule.id)).toEqual([
      "minLength",
      "maxLength",
      "upper",
      "digit",
      "special",
      "notPersonal",
    ]);
  });

  it("needs 8 characters: 7 is too short, 8 is enough", () => {
    expect(met("Aa1!aaa").minLength).toBe(false);
    expect(met("Aa1!aaaa").minLength).toBe(true);
  });

  it("accepts 128 characters and refuses 129", () => {
    expect(met(`A1!${"a".repeat(125)}`).maxLength).toBe(true);
    expect(met(`A1!${"a".repeat(126)}`).maxLength).toBe(false);
  });

  it("counts an accented capital as upper-case and a space as not special", () => {
    expect(met("élan 123")).toMatchObject({ upper: false, digit: true, special: false });
    expect(met("Élan")).toMatchObject({ upper: true });
  });

  it("recognises digits and special characters", () => {
    expect(met("abcdefgh")).toMatchObject({ digit: false, special: false });
    expect(met("abc5defg")).toMatchObject({ digit: true, special: false });
    expect(met("abc_defg")).toMatchObject({ digit: false, special: true });
  });
});

describe("isPasswordValid", () => {
  it("is true only when all the rules are met", () => {
    expect(isPasswordValid("Correct-Horse-42")).toBe(true);
    expect(isPasswordValid("correct-horse-42")).toBe(false);
    expect(isPasswordValid("Correct-Horse")).toBe(false);
    expect(isPasswordValid("CorrectHorse42")).toBe(false);
    expect(isPasswordValid("Ab1!")).toBe(false);
  });
});

// The same cases as the server's tests (backend/savoir/accounts/tests/test_password_rules.py):
// the checklist and the server must agree.
const ALEX = { firstName: "Alex", lastName: "Morgan", email: "amorgan84@example.com" };

describe("isBuiltFromPersonalInfo", () => {
  it.each([
    "AlexMorgan2026!",
    "alexmorgan2026!",
    "MORGANALEX2026!",
    "Morgan.Alex-99",
    "Alex2026!!!",
    "AMorgan#2026",
    "Al3xM0rgan!!",
    "AlexMorganXY1!",
  ])("refuses %s for Alex Morgan", (password) => {
    expect(isBuiltFromPersonalInfo(password, ALEX)).toBe(true);
  });

  it.each([
    "Analytical-Engine-1843!",
    "Alexandria-2026!",
    "AlexMorganRocks1!",
    "Learner-Demo-2026!",
  ])("accepts %s for Alex Morgan", (password) => {
    expect(isBuiltFromPersonalInfo(password, ALEX)).toBe(false);
  });

  it("reads accents, compound names and short names like the server", () => {
    const irene = { firstName: "Irène", lastName: "Joliot-Curie", email: "ij@example.fr" };
    expect(isBuiltFromPersonalInfo("IRENE-2026!", irene)).toBe(true);
    expect(isBuiltFromPersonalInfo("Curie.Irene#1", irene)).toBe(true);
    expect(isBuiltFromPersonalInfo("JoliotCurie99?", irene)).toBe(true);
    const li = { firstName: "Li", lastName: "Wei", email: "lw@example.com" };
    expect(isBuiltFromPersonalInfo("Lilium-Garden-7", li)).toBe(false);
    expect(isBuiltFromPersonalInfo("LiWei2026!!", li)).toBe(true);
    expect(isBuiltFromPersonalInfo("WeiLi2026!!", li)).toBe(true);
  });

  it("cannot tell before any name is known", () => {
    expect(
      isBuiltFromPersonalInfo("AlexMorgan2026!", { firstName: "", lastName: "", email: "" }),
    ).toBeNull();
  });
});

describe("personalNames", () => {
  it("lists the names longest first, the e-mail's +tag left out", () => {
    expect(
      personalNames({
        firstName: "Jean-Pierre",
        lastName: "Dupont",
        email: "jp.dupont+savoir@example.fr",
      }),
    ).toEqual([
      "dupontjeanpierre",
      "jeanpierredupont",
      "jeanpierre",
      "jpdupont",
      "dupont",
      "pierre",
      "jean",
    ]);
  });
});

describe("passwordProblem", () => {
  it("names the first problem: a rule of the checklist, then the names", () => {
    expect(passwordProblem("alexmorgan", ALEX)).toBe("rules");
    expect(passwordProblem("AlexMorgan2026!", ALEX)).toBe("personal");
    expect(passwordProblem("AlexMorgan2026!")).toBeNull();
    expect(passwordProblem("Analytical-Engine-1843!", ALEX)).toBeNull();
    expect(isPasswordValid("AlexMorgan2026!", ALEX)).toBe(false);
  });
});

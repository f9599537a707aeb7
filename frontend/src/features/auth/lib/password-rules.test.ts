import { describe, expect, it } from "vitest";
import { checkPassword, isPasswordValid } from "./password-rules";

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
    });
  });

  it("returns the rules in display order", () => {
    expect(checkPassword("x").map((rule) => rule.id)).toEqual([
      "minLength",
      "maxLength",
      "upper",
      "digit",
      "special",
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

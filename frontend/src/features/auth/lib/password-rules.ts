export type PasswordRuleId = "minLength" | "maxLength" | "upper" | "digit" | "special";

export interface PasswordRuleResult {
  id: PasswordRuleId;
  met: boolean;
}

/** The longest password the server accepts, in characters (the input stops there). */
export const PASSWORD_MAX_LENGTH = 128;

const RULES: { id: PasswordRuleId; test: (password: string) => boolean }[] = [
  { id: "minLength", test: (p) => [...p].length >= 8 },
  { id: "maxLength", test: (p) => [...p].length <= PASSWORD_MAX_LENGTH },
  { id: "upper", test: (p) => /\p{Lu}/u.test(p) },
  { id: "digit", test: (p) => /\p{Nd}/u.test(p) },
  // Anything that is neither a letter, a digit nor white space counts as special.
  { id: "special", test: (p) => /[^\p{L}\p{Nd}\s]/u.test(p) },
];

/** The password rules the server enforces (it also refuses common and too-similar passwords). */
export function checkPassword(password: string): PasswordRuleResult[] {
  return RULES.map((rule) => ({ id: rule.id, met: rule.test(password) }));
}

export function isPasswordValid(password: string): boolean {
  return checkPassword(password).every((rule) => rule.met);
}

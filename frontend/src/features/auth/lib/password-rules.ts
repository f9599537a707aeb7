export type PasswordRuleId =
  | "minLength"
  | "maxLength"
  | "upper"
  | "digit"
  | "special"
  | "notPersonal";

export interface PasswordRuleResult {
  id: PasswordRuleId;
  /** Null when it cannot be checked here (the reset form does not know whose password it is):
   * the server checks it when the form is sent. */
  met: boolean | null;
}

/** Whose password it is: what it must not be built from. */
export interface PersonalInfo {
  firstName: string;
  lastName: string;
  email: string;
}

/** The longest password the server accepts, in characters (the input stops there). */
export const PASSWORD_MAX_LENGTH = 128;

const RULES: { id: Exclude<PasswordRuleId, "notPersonal">; test: (password: string) => boolean }[] =
  [
    { id: "minLength", test: (p) => [...p].length >= 8 },
    { id: "maxLength", test: (p) => [...p].length <= PASSWORD_MAX_LENGTH },
    { id: "upper", test: (p) => /\p{Lu}/u.test(p) },
    { id: "digit", test: (p) => /\p{Nd}/u.test(p) },
    // Anything that is neither a letter, a digit nor white space counts as special.
    { id: "special", test: (p) => /[^\p{L}\p{Nd}\s]/u.test(p) },
  ];

// The server's PersonalInformationValidator (backend/savoir/accounts/validators.py), read the same
// way so that the checklist and the server agree: names of 3 letters or more, a password refused
// when taking every name out of its letters leaves fewer than 3 other letters.
const MIN_NAME_LENGTH = 3;
const MIN_OTHER_LETTERS = 3;
const LEET: Record<string, string> = {
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "@": "a",
  $: "s",
};

/** The letters of `text`, lower-case and without accents: "Irène-2026" gives "irene". */
function lettersOf(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\p{L}]/gu, "");
}

/** What a password must not be built from, longest first (as personal_names on the server). */
export function personalNames({ firstName, lastName, email }: PersonalInfo): string[] {
  const wholeAndParts = (value: string) => [
    lettersOf(value),
    ...value.split(/[^\p{L}\p{M}]+/u).map(lettersOf),
  ];
  // "+tag" subaddressing is not a name: "alex+savoir" is "alex".
  const at = email.lastIndexOf("@");
  const localPart = (at >= 0 ? email.slice(0, at) : email).split("+")[0] ?? "";
  const found = new Set(
    [firstName, lastName, localPart]
      .flatMap(wholeAndParts)
      .filter((name) => name.length >= MIN_NAME_LENGTH),
  );
  const first = lettersOf(firstName);
  const last = lettersOf(lastName);
  if (first && last) {
    found.add(first + last);
    found.add(last + first);
  }
  return [...found].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}

function builtFrom(letters: string, names: string[]): boolean {
  let rest = letters;
  for (const name of names) rest = rest.split(name).join("");
  return rest !== letters && rest.length < MIN_OTHER_LETTERS;
}

/** True when the password is built from the person's names (any case, order, accents, with
 * digits and symbols around them, leetspeak read back); null when no name is known yet. */
export function isBuiltFromPersonalInfo(password: string, personal: PersonalInfo): boolean | null {
  const names = personalNames(personal);
  if (names.length === 0) return null;
  const leet = [...password].map((char) => LEET[char] ?? char).join("");
  return [lettersOf(password), lettersOf(leet)].some((reading) => builtFrom(reading, names));
}

/** The password rules the server enforces (it also refuses very common passwords and ones too
 * similar to the e-mail address). Without `personal`, "notPersonal" is left to the server. */
export function checkPassword(
  password: string,
  personal?: PersonalInfo | null,
): PasswordRuleResult[] {
  const builtFromNames = personal ? isBuiltFromPersonalInfo(password, personal) : null;
  return [
    ...RULES.map((rule) => ({ id: rule.id, met: rule.test(password) })),
    { id: "notPersonal", met: builtFromNames === null ? null : !builtFromNames },
  ];
}

/**
 * What is wrong with the password before it is sent: "rules" when a rule of the checklist is
 * not met, "personal" when it is built from the person's names, null when it may be sent.
 */
export function passwordProblem(
  password: string,
  personal?: PersonalInfo | null,
): "rules" | "personal" | null {
  const results = checkPassword(password, personal);
  if (results.some((rule) => rule.id !== "notPersonal" && !rule.met)) return "rules";
  if (results.some((rule) => rule.id === "notPersonal" && rule.met === false)) return "personal";
  return null;
}

export function isPasswordValid(password: string, personal?: PersonalInfo | null): boolean {
  return passwordProblem(password, personal) === null;
}

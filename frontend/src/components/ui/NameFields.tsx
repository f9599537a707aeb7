import type { Ref } from "react";
import { TextField } from "./TextField";

/** The server accepts names of 2 to 100 characters. */
export const NAME_MAX_LENGTH = 100;

interface NameFieldsProps {
  firstName: string;
  lastName: string;
  labels: { firstName: string; lastName: string };
  errors: { firstName?: readonly string[] | null; lastName?: readonly string[] | null };
  register: (field: "firstName" | "lastName") => Ref<HTMLInputElement>;
  onChange: (field: "firstName" | "lastName", value: string) => void;
}

/** First and last name side by side, as on registration and in the profile. */
export function NameFields({
  firstName,
  lastName,
  labels,
  errors,
  register,
  onChange,
}: NameFieldsProps) {
  return (
    <div className="form__row">
      <TextField
        ref={register("firstName")}
        label={labels.firstName}
        name="firstName"
        autoComplete="given-name"
        required
        maxLength={NAME_MAX_LENGTH}
        value={firstName}
        onChange={(e) => onChange("firstName", e.target.value)}
        error={errors.firstName}
      />
      <TextField
        ref={register("lastName")}
        label={labels.lastName}
        name="lastName"
        autoComplete="family-name"
        required
        maxLength={NAME_MAX_LENGTH}
        value={lastName}
        onChange={(e) => onChange("lastName", e.target.value)}
        error={errors.lastName}
      />
    </div>
  );
}

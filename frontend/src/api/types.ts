// Named aliases over the generated schema, looked up by path so they survive component renames.
import type { paths } from "./generated/schema";

type JsonOf<R> = R extends { content: { "application/json": infer T } } ? T : never;

export type User = JsonOf<paths["/api/auth/me"]["get"]["responses"][200]>;
export type UserSession = JsonOf<paths["/api/users/me/sessions"]["get"]["responses"][200]>[number];
export type Language = User["language"];
export type RegisterInput = NonNullable<
  paths["/api/auth/register"]["post"]["requestBody"]
>["content"]["application/json"];
export type ProfileUpdateInput = NonNullable<
  paths["/api/users/me"]["patch"]["requestBody"]
>["content"]["application/json"];

export type { paths };

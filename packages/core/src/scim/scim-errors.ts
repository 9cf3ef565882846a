import { AppError, type AppErrorCode } from "../errors";

/** RFC 7644 §3.12 scimType values this server answers with. */
export type ScimType =
  | "invalidFilter"
  | "tooMany"
  | "uniqueness"
  | "mutability"
  | "invalidSyntax"
  | "invalidPath"
  | "noTarget"
  | "invalidValue";

/** An AppError carrying SCIM's scimType in its details, for the SCIM error body. */
export function scimError(code: AppErrorCode, scimType: ScimType | null, message: string): AppError {
  return new AppError(code, message, scimType ? { scimType } : undefined);
}

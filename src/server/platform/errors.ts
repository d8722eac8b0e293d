import { ERRORS, type ErrorCode, type FieldError } from '../../shared/errors';

/** The only error type services throw on purpose; the HTTP error handler maps its code to a status and body. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: unknown;

  constructor(code: ErrorCode, message?: string, details?: unknown) {
    super(message ?? ERRORS[code].message);
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = details;
  }
}

/** A 400 about one field, shown by the UI beside that field. */
export function fieldError(field: string, code: ErrorCode, message?: string): AppError {
  const msg = message ?? ERRORS[code].message;
  const fields: FieldError[] = [{ field, code, message: msg }];
  return new AppError(code, msg, { fields });
}

/** A 400 about several fields at once. */
export function fieldErrors(fields: FieldError[]): AppError {
  const codes = new Set(fields.map((f) => f.code));
  const code: ErrorCode = codes.size === 1 ? fields[0]!.code : 'VALIDATION_FAILED';
  return new AppError(code, codes.size === 1 ? fields[0]!.message : undefined, { fields });
}

export const notFound = (what = '请求的对象'): AppError => new AppError('NOT_FOUND', `${what}不存在`);

import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERRORS, type ErrorBody, type ErrorCode, type FieldError } from '../../../shared/errors';
import { AppError } from '../errors';

interface ValidationItem {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** Field errors from the zod type provider's validation items, with catalogue codes. */
function validationFields(items: ValidationItem[], where: string): FieldError[] {
  const out: FieldError[] = [];
  for (const it of items) {
    const path = it.instancePath.split('/').filter(Boolean);
    const base = where === 'body' ? path : [where, ...path];
    if (it.keyword === 'unrecognized_keys') {
      for (const key of (it.params?.keys as string[] | undefined) ?? []) {
        out.push({ field: [...base, key].join('.'), code: 'UNKNOWN_FIELD', message: `不允许的字段：${key}` });
      }
      continue;
    }
    const nested = it.params?.params as { code?: ErrorCode } | undefined;
    let code: ErrorCode = 'VALIDATION_FAILED';
    if (it.keyword === 'custom' && nested?.code && nested.code in ERRORS) code = nested.code;
    else if (it.keyword === 'invalid_format' && it.params?.format === 'date') code = 'INVALID_DATE';
    out.push({ field: base.join('.') || where, code, message: it.message ?? ERRORS[code].message });
  }
  return out;
}

function body(code: ErrorCode, message: string, requestId: string, details?: unknown): ErrorBody {
  return { error: { code, message, ...(details !== undefined ? { details } : {}), requestId } };
}

/** Fastify's own error codes for malformed requests, mapped to the catalogue. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'INVALID_JSON',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_BAD_URL: 'VALIDATION_FAILED',
  FST_ERR_ASYNC_CONSTRAINT: 'VALIDATION_FAILED',
  FST_ERR_INVALID_URL: 'VALIDATION_FAILED',
};

/**
 * One error handler for the whole app: the SPEC §3 body, the right status, never a stack trace.
 * Anything unexpected is logged with the request id and answered as a generic 500.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) {
      if (err.status >= 500) req.log.error({ err }, 'application error');
      return reply.status(err.status).send(body(err.code, err.message, req.id, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = validationFields(err.validation as ValidationItem[], err.validationContext ?? 'body');
      const codes = new Set(fields.map((f) => f.code));
      const code: ErrorCode = codes.size === 1 ? fields[0]!.code : 'VALIDATION_FAILED';
      const message = codes.size === 1 && fields.length === 1 ? fields[0]!.message : ERRORS[code].message;
      return reply.status(400).send(body(code, message, req.id, { fields }));
    }
    if (err.code === 'FST_ERR_RATE_LIMITED' || err.statusCode === 429) {
      return reply.status(429).send(body('RATE_LIMITED', ERRORS.RATE_LIMITED.message, req.id));
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) {
      return reply.status(ERRORS[mapped].status).send(body(mapped, ERRORS[mapped].message, req.id));
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status < 500) {
      const code: ErrorCode =
        status === 413
          ? 'PAYLOAD_TOO_LARGE'
          : status === 415
            ? 'UNSUPPORTED_MEDIA_TYPE'
            : status === 404
              ? 'NOT_FOUND'
              : 'VALIDATION_FAILED';
      return reply.status(ERRORS[code].status).send(body(code, ERRORS[code].message, req.id));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', ERRORS.INTERNAL.message, req.id));
  });
}

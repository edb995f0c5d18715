import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../lib/errors.js';

interface ErrorBody {
  error: { code: string; message: string; messageHi: string; fields?: Record<string, string>; requestId?: string };
}

const send = (reply: FastifyReply, status: number, body: ErrorBody, headers?: Record<string, string>) => {
  if (headers) for (const [k, v] of Object.entries(headers)) reply.header(k, v);
  return reply.status(status).send(body);
};

/**
 * The one error handler: every failure becomes `{ error: { code, message, messageHi, fields } }`.
 * Bad input is a 4xx naming the field; anything unforeseen is a 500 carrying only the request
 * id, and its details go to the log, never to the client.
 */
export function errorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    return send(
      reply,
      err.status,
      { error: { code: err.code, message: err.message, messageHi: err.messageHi, ...(err.fields ? { fields: err.fields } : {}) } },
      err.headers,
    );
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields: Record<string, string> = {};
    for (const v of err.validation) {
      const params = v.params as { issue?: { path?: (string | number)[]; message?: string } };
      const path = params.issue?.path?.join('.') || v.instancePath.replace(/^\//, '').replace(/\//g, '.') || v.schemaPath;
      const where = err.validationContext && err.validationContext !== 'body' ? `${err.validationContext}.` : '';
      fields[`${where}${path || '(root)'}`] = v.message ?? 'invalid';
    }
    const names = Object.keys(fields).join(', ');
    return send(reply, 400, {
      error: {
        code: 'invalid_input',
        message: `Please correct these fields: ${names}.`,
        messageHi: `कृपया इन फ़ील्ड को ठीक करें: ${names}।`,
        fields,
      },
    });
  }
  switch (err.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return send(reply, 400, {
        error: { code: 'invalid_json', message: 'The request body is not valid JSON.', messageHi: 'अनुरोध का मुख्य भाग मान्य JSON नहीं है।' },
      });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return send(reply, 413, {
        error: { code: 'payload_too_large', message: 'The upload is too large.', messageHi: 'अपलोड बहुत बड़ा है।' },
      });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return send(reply, 415, {
        error: {
          code: 'unsupported_media_type',
          message: 'This content type is not accepted.',
          messageHi: 'यह सामग्री प्रकार स्वीकार्य नहीं है।',
        },
      });
  }
  if (err.statusCode === 429) {
    const retry = String(reply.getHeader('retry-after') ?? 60);
    return send(
      reply,
      429,
      {
        error: {
          code: 'too_many_requests',
          message: `Too many requests. Try again in ${retry} seconds.`,
          messageHi: `बहुत अधिक अनुरोध। ${retry} सेकंड बाद फिर प्रयास करें।`,
        },
      },
      { 'Retry-After': retry },
    );
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return send(reply, err.statusCode, {
      error: { code: 'bad_request', message: 'The request could not be understood.', messageHi: 'अनुरोध समझा नहीं जा सका।' },
    });
  }
  req.log.error({ err }, 'unhandled error');
  return send(reply, 500, {
    error: {
      code: 'internal_error',
      message: `Something went wrong on our side. Quote request id ${req.id} to the helpdesk.`,
      messageHi: `हमारी ओर से कुछ गलत हुआ। हेल्पडेस्क को अनुरोध आईडी ${req.id} बताएं।`,
      requestId: String(req.id),
    },
  });
}

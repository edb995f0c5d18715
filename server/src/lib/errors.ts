/**
 * Errors that reach a client. Each carries a stable snake_case code, an HTTP status and
 * the message in English and Hindi. The one error handler (app.ts) turns them into
 * `{ error: { code, message, messageHi, fields } }`. Anything else becomes a generic 500.
 */
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageHi: string;
  readonly fields?: FieldErrors;
  readonly headers?: Record<string, string>;

  constructor(status: number, code: string, message: string, messageHi: string, fields?: FieldErrors, headers?: Record<string, string>) {
    super(message);
    this.status = status;
    this.code = code;
    this.messageHi = messageHi;
    this.fields = fields;
    this.headers = headers;
  }
}

export const badRequest = (message: string, messageHi: string, fields?: FieldErrors, code = 'invalid_input') =>
  new AppError(400, code, message, messageHi, fields);

export const unauthenticated = (code = 'not_authenticated', message = 'Please log in.', messageHi = 'कृपया लॉग इन करें।') =>
  new AppError(401, code, message, messageHi);

export const forbidden = (code = 'forbidden', message = 'You are not allowed to do this.', messageHi = 'आपको यह करने की अनुमति नहीं है।') =>
  new AppError(403, code, message, messageHi);

/** A record that does not exist and a record outside the caller's jurisdiction answer alike. */
export const notFound = (what: string, whatHi: string, code = `${what.toLowerCase().replace(/\s+/g, '_')}_not_found`) =>
  new AppError(404, code, `${what} not found.`, `${whatHi} नहीं मिला।`);

export const conflict = (code: string, message: string, messageHi: string, fields?: FieldErrors) =>
  new AppError(409, code, message, messageHi, fields);

export const staleVersion = () =>
  new AppError(
    412,
    'stale_version',
    'This record was changed by someone else. Reload it and try again.',
    'यह रिकॉर्ड किसी और ने बदल दिया है। दोबारा लोड करके फिर से प्रयास करें।',
  );

export const unprocessable = (code: string, message: string, messageHi: string, fields?: FieldErrors) =>
  new AppError(422, code, message, messageHi, fields);

export const preconditionRequired = (code: string, message: string, messageHi: string) => new AppError(428, code, message, messageHi);

export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError(
    429,
    'too_many_requests',
    `Too many requests. Try again in ${retryAfterSeconds} seconds.`,
    `बहुत अधिक अनुरोध। ${retryAfterSeconds} सेकंड बाद फिर प्रयास करें।`,
    undefined,
    { 'Retry-After': String(retryAfterSeconds) },
  );

/**
 * Log paths that must never be written: passwords, OTPs, tokens, cookies. The request
 * serializer logs no bodies or headers, and these catch anything logged by hand.
 */
export const logRedactPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.otp',
  '*.code',
  '*.token',
  '*.csrfToken',
  '*.secret',
  '*.captchaAnswer',
  'password',
  'otp',
  'token',
  'secret',
];

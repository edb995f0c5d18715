import { z } from 'zod';

/**
 * Every environment variable the server reads, parsed and validated once.
 * Defaults serve the embedded mode (`npm start` with nothing set). Production needs explicit
 * values, and secrets have no defaults outside the embedded demo.
 * The README's configuration table lists the same variables; keep them in step.
 */
const bool = (def: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'on', 'off', 'yes', 'no'])
    .optional()
    .transform((v) => (v === undefined ? def : ['true', '1', 'on', 'yes'].includes(v)));

const positiveInt = (def: number) => z.coerce.number().int().positive().default(def);

const urlOrEmpty = (protocols: string[]) =>
  z
    .string()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || protocols.some((p) => v.startsWith(p)), {
      message: `must start with ${protocols.join(' or ')}`,
    });

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATA_DIR: z.string().default('./data'),
    DATABASE_URL: urlOrEmpty(['postgres://', 'postgresql://']),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    STATE_CODE: z
      .string()
      .regex(/^[A-Z]{2}$/, 'must be two capital letters')
      .default('XA'),
    PUBLIC_URL: z.string().url().optional(),
    TRUST_PROXY: bool(false),
    SEED_DEMO: bool(true),
    DEMO_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
    APP_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    CAPTCHA: z.enum(['on', 'off']).default('on'),
    /** Registers GET /auth/captcha/:id/answer-for-tests (browser tests). Always on when NODE_ENV=test. */
    CAPTCHA_TEST_HOOK: z.enum(['on', 'off']).default('off'),
    SESSION_IDLE_MINUTES: positiveInt(30),
    SESSION_ABSOLUTE_HOURS: positiveInt(12),
    MFA_REQUIRED_ROLES: z
      .string()
      .default('admin,sp,scrb,sho')
      .transform((s) =>
        s
          .split(',')
          .map((r) => r.trim())
          .filter(Boolean),
      ),
    SMTP_URL: urlOrEmpty(['smtp://', 'smtps://']),
    SMTP_FROM: z.string().default('CCTNS <no-reply@cctns.local>'),
    SMS_GATEWAY_URL: urlOrEmpty(['http://', 'https://']),
    SMS_GATEWAY_TOKEN: z.string().optional(),
    /** How often the notification relay looks for e-mail/SMS to deliver; 0 = relay not started. */
    NOTIFY_POLL_MS: z.coerce.number().int().min(0).default(1000),
    /** Delivery attempts (exponential backoff, capped at 1 h) before a message is marked failed. */
    NOTIFY_MAX_ATTEMPTS: positiveInt(48),
    REDIS_URL: urlOrEmpty(['redis://', 'rediss://']),
    NATS_URL: urlOrEmpty(['nats://']),
    COURT_API_URL: urlOrEmpty(['http://', 'https://']),
    /** Bearer token sent with each e-filing POST to COURT_API_URL (the court issues it). */
    COURT_API_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** The demo court's machine API token at first seeding; when unset, a random one is printed once. */
    DEMO_COURT_TOKEN: z
      .string()
      .regex(/^[A-Za-z0-9_\-.~+/=]{20,200}$/, 'must be 20-200 letters, digits or -._~+/=')
      .optional(),
    /** Where complaint attachments are stored (outside the web root); default ${DATA_DIR}/uploads. */
    UPLOAD_DIR: z.string().optional(),
    /** Complaint kinds a citizen may file online as an e-FIR (BNSS 173(1)(ii)), comma-separated. */
    EFIR_KINDS: z
      .string()
      .default('vehicle_theft,mobile_theft,property_theft')
      .transform((s) =>
        s
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean),
      ),
    /** Public case status names the IO (some states allow it); otherwise only the rank is shown. */
    PUBLIC_SHOW_IO_NAME: bool(false),
    RATE_LIMIT_LOGIN_PER_MINUTE: positiveInt(20),
    RATE_LIMIT_PUBLIC_PER_MINUTE: positiveInt(60),
  })
  .superRefine((c, ctx) => {
    if (c.NODE_ENV === 'production') {
      if (c.CAPTCHA === 'off')
        ctx.addIssue({ code: 'custom', path: ['CAPTCHA'], message: 'CAPTCHA=off is refused when NODE_ENV=production' });
      if (c.CAPTCHA_TEST_HOOK === 'on')
        ctx.addIssue({ code: 'custom', path: ['CAPTCHA_TEST_HOOK'], message: 'CAPTCHA_TEST_HOOK=on is refused when NODE_ENV=production' });
      if (!c.APP_SECRET) ctx.addIssue({ code: 'custom', path: ['APP_SECRET'], message: 'is required when NODE_ENV=production' });
      if (!c.DATABASE_URL) ctx.addIssue({ code: 'custom', path: ['DATABASE_URL'], message: 'is required when NODE_ENV=production' });
    }
  });

export type Config = z.output<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment; throws ConfigError listing every bad variable at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set" (as in `DATABASE_URL= npm start`).
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const r = schema.safeParse(given);
  if (!r.success) {
    throw new ConfigError(r.error.issues.map((i) => `${i.path.join('.') || '(config)'}: ${i.message}`));
  }
  return r.data;
}

/** A config for tests and tools: defaults plus overrides, no environment. */
export function testConfig(overrides: Partial<Record<keyof Config, string>> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', CAPTCHA: 'off', LOG_LEVEL: 'silent', ...overrides } as NodeJS.ProcessEnv);
}

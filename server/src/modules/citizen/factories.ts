import type { Client, TestContext } from '../../test/harness.js';

let n = 0;

/**
 * The last sign-up code sent to a mobile number or e-mail address: from the outbox, or, once the
 * relay has delivered it (and scrubbed it from the outbox), from the dev outbox.
 */
export async function lastCodeSentTo(t: TestContext, to: string): Promise<string | undefined> {
  const rows = await t.db.kysely.selectFrom('outbox').select(['payload', 'created_at']).orderBy('created_at', 'desc').execute();
  for (const r of rows) {
    const p = r.payload as { to?: string; text?: string; kind?: string };
    if (p.to !== to || p.kind !== 'citizen_signup_otp') continue;
    const code = /\b(\d{6})\b/.exec(p.text ?? '')?.[1];
    if (code) return code;
    const delivered = await t.db.kysely
      .selectFrom('notify_dev_message')
      .select('body')
      .where('recipient', '=', to)
      .where('kind', '=', 'citizen_signup_otp')
      .orderBy('delivered_at', 'desc')
      .executeTakeFirst();
    return /\b(\d{6})\b/.exec(delivered?.body ?? '')?.[1];
  }
  return undefined;
}

export const CITIZEN_PASSWORD = 'a long passphrase of my own';

/** For tests: signs a new citizen up through the API (captcha off, code from the outbox) and returns the logged-in client. */
export async function signUpCitizen(
  t: TestContext,
  over: { name?: string; mobile?: string; email?: string } = {},
): Promise<{ client: Client; userId: string; mobile: string }> {
  n++;
  const mobile = over.mobile ?? `98${String(Date.now() % 1e6).padStart(6, '0')}${String(n % 100).padStart(2, '0')}`;
  const c = t.anon();
  c.ip = `10.9.${n % 250}.${(Date.now() % 250) + 1}`;
  const s = await c.post('/api/v1/citizen/signup', {
    name: over.name ?? 'Test Citizen',
    mobile,
    ...(over.email ? { email: over.email } : {}),
  });
  if (s.statusCode !== 202) throw new Error(`signup failed: ${s.statusCode} ${s.body}`);
  const code = await lastCodeSentTo(t, mobile);
  if (!code) throw new Error('no signup code in the outbox');
  const v = await c.post('/api/v1/citizen/signup/verify', { signupId: s.json().signupId, otp: code, password: CITIZEN_PASSWORD });
  if (v.statusCode !== 201) throw new Error(`signup verify failed: ${v.statusCode} ${v.body}`);
  return { client: c, userId: v.json().user.id, mobile };
}

import type { Sender } from './types.js';

/**
 * The SMS gateway adapter: one JSON POST `{ to, message }` with `Authorization: Bearer <token>`
 * to SMS_GATEWAY_URL; any 2xx is accepted. A state whose provider speaks another dialect (DLT
 * template ids, form posts, a sender id) replaces this one file.
 */
export function httpSmsSender(opts: { url: string; token?: string; timeoutMs?: number }): Sender {
  return {
    name: 'sms-http',
    async send(m) {
      const res = await fetch(opts.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        },
        body: JSON.stringify({ to: m.to, message: m.text }),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
      // Drain the body so the connection is reused; never put it in an error (it may echo the message).
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) throw new Error(`SMS gateway answered HTTP ${res.status}`);
    },
  };
}

import { api, API_BASE, ApiError } from '../../api.ts';

/**
 * Posts a multipart form (a JSON field and files) the way api.ts posts JSON: with the session's
 * CSRF token, turning the server's error body into an ApiError. The token is read from
 * /auth/me, so this needs no change to the shared client.
 */
export async function postMultipart<T>(
  path: string,
  json: { name: string; value: unknown },
  files: File[],
  headers: Record<string, string> = {},
): Promise<T> {
  const me = await api.get<{ csrfToken: string }>('/auth/me');
  const form = new FormData();
  form.append(json.name, JSON.stringify(json.value));
  for (const f of files) form.append('files', f, f.name);
  let res: Response;
  try {
    res = await fetch(API_BASE + path, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { ...headers, Accept: 'application/json', 'X-CSRF-Token': me.csrfToken },
    });
  } catch {
    throw new ApiError(0, 'network_error', '', undefined);
  }
  const text = await res.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (res.ok) return data as T;
  const e = (data as { error?: { code?: string; message?: string; messageHi?: string; fields?: Record<string, string> } } | undefined)
    ?.error;
  const retry = Number(res.headers.get('Retry-After'));
  throw new ApiError(
    res.status,
    e?.code ?? `http_${res.status}`,
    e?.message ?? '',
    e?.messageHi,
    e?.fields ?? {},
    Number.isFinite(retry) && retry > 0 ? retry : undefined,
    data,
  );
}

/** "2.4 MB" */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Accepted by the server (checked there by content): what the file picker offers. */
export const ACCEPT = '.pdf,.jpg,.jpeg,.png,.mp3,.mp4,application/pdf,image/jpeg,image/png,audio/mpeg,video/mp4';

/** A random Idempotency-Key (getRandomValues works on plain http too, unlike randomUUID). */
export function newIdempotencyKey(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

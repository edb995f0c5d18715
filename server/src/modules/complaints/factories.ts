import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { Client, TestContext } from '../../test/harness.js';
import { COMPLAINT_EXAMPLE } from './schemas.js';

/** For tests: a complaint body (the OpenAPI example by default) with overrides. */
export function makeComplaintInput(over: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...structuredClone(COMPLAINT_EXAMPLE), ...over };
}

/** For tests: files a complaint as a citizen (JSON, no attachments), expecting 201. */
export async function fileComplaintAs(t: TestContext, who: string | Client, over: Record<string, unknown> = {}) {
  const c = typeof who === 'string' ? await t.login(who) : who;
  const r = await c.post('/api/v1/public/complaints', makeComplaintInput(over));
  if (r.statusCode !== 201) throw new Error(`file complaint failed: ${r.statusCode} ${r.body}`);
  return r.json() as { id: string; ackNumber: string; status: string; efir: boolean; [k: string]: unknown };
}

export interface UploadFile {
  field?: string;
  filename: string;
  contentType?: string;
  content: Buffer;
}

/** A multipart/form-data body: the complaint JSON in the field `complaint`, and files. */
export function multipart(complaint: unknown, files: UploadFile[]): { payload: Buffer; contentType: string } {
  const boundary = `----cctns${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  if (complaint !== undefined)
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="complaint"\r\n\r\n${JSON.stringify(complaint)}\r\n`));
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'files'}"; filename="${f.filename}"\r\nContent-Type: ${f.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      f.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts a multipart complaint as the client's session. */
export async function postMultipart(t: TestContext, c: Client, complaint: unknown, files: UploadFile[]): Promise<LightMyRequestResponse> {
  const { payload, contentType } = multipart(complaint, files);
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/public/complaints',
    headers: { cookie: c.cookie ?? '', 'x-csrf-token': c.csrfToken ?? '', 'content-type': contentType, 'user-agent': 'vitest' },
    payload,
    remoteAddress: c.ip,
  });
}

/** Small but real files of each accepted type, and disguised ones. */
export const SAMPLES = {
  pdf: () =>
    Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    ),
  png: () =>
    Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201d3a0e2bb0000000049454e44ae426082',
      'hex',
    ),
  jpeg: () =>
    Buffer.concat([Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), Buffer.alloc(64, 0), Buffer.from('ffd9', 'hex')]),
  mp3: () =>
    Buffer.concat([Buffer.from('494433030000000000', 'hex'), Buffer.from([0x00]), Buffer.from('fffb9064', 'hex'), Buffer.alloc(400, 0)]),
  mp4: () =>
    Buffer.concat([
      Buffer.from('0000001866747970', 'hex'),
      Buffer.from('mp42'),
      Buffer.from('00000000', 'hex'),
      Buffer.from('mp42isom'),
      Buffer.from('0000000866726565', 'hex'),
    ]),
  /** A Windows executable (MZ header) named like a PDF. */
  exe: () =>
    Buffer.concat([
      Buffer.from(
        '4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000000000000000000000000000000000000000000000000000800000000e1fba0e00b409cd21b8014ccd21546869732070726f6772616d2063616e6e6f742062652072756e20696e20444f53206d6f64652e0d0d0a2400000000000000',
        'hex',
      ),
      Buffer.from('504500004c010300', 'hex'),
      Buffer.alloc(200, 0),
    ]),
  html: () => Buffer.from('<!DOCTYPE html><html><head><script>alert(document.cookie)</script></head><body>hi</body></html>'),
};

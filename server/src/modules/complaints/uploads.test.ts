import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorOf, startTestApp, type Client, type TestContext } from '../../test/harness.js';
import { makeComplaintInput, postMultipart, SAMPLES } from './factories.js';
import { signUpCitizen } from '../citizen/factories.js';
import { MAX_ATTACHMENT_BYTES } from './uploads.js';

let t: TestContext;
let dir: string;
let citizen: Client;

/** Every file under the upload directory (temporary ones included). */
function filesIn(d: string): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    for (const e of readdirSync(p, { withFileTypes: true })) {
      const full = path.join(p, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(full);
    }
  };
  try {
    walk(d);
  } catch {
    /* no directory yet */
  }
  return out;
}

const complaintCount = async () =>
  Number(
    (
      await t.db.kysely
        .selectFrom('complaint')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const attachmentCount = async () =>
  Number(
    (
      await t.db.kysely
        .selectFrom('complaint_attachment')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cctns-uploads-'));
  t = await startTestApp({ config: { UPLOAD_DIR: dir, RATE_LIMIT_LOGIN_PER_MINUTE: '1000' } });
  citizen = await t.login('citizen1');
}, 300_000);
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('complaint attachments', () => {
  let before: { complaints: number; attachments: number; files: string[] };
  beforeEach(async () => {
    before = {
      complaints: await complaintCount(),
      attachments: await attachmentCount(),
      files: filesIn(dir).filter((f) => !path.relative(dir, f).startsWith(`tmp${path.sep}`)),
    };
  });

  /** Nothing of a refused request remains: no complaint, no attachment row, no file, no temporary file. */
  async function expectNothingStored() {
    expect(await complaintCount()).toBe(before.complaints);
    expect(await attachmentCount()).toBe(before.attachments);
    expect(filesIn(dir).sort()).toEqual([...before.files].sort());
  }

  it('accepts PDF, JPEG, PNG, MP3 and MP4 by content, stores each under its SHA-256 outside the web root, and lists them', async () => {
    const files = [
      { filename: 'receipt.pdf', content: SAMPLES.pdf(), contentType: 'application/pdf' },
      { filename: 'photo.jpg', content: SAMPLES.jpeg(), contentType: 'image/jpeg' },
      { filename: 'screenshot.png', content: SAMPLES.png(), contentType: 'image/png' },
      { filename: 'call.mp3', content: SAMPLES.mp3(), contentType: 'audio/mpeg' },
      // The browser's claimed type is ignored: the content decides.
      { filename: 'clip.bin', content: SAMPLES.mp4(), contentType: 'application/octet-stream' },
    ];
    const r = await postMultipart(t, citizen, makeComplaintInput(), files);
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json();
    expect(body.ackNumber).toMatch(/^XA\/PS01\/2026\/\d{6}$/);
    expect(body.attachments.map((a: { mime: string }) => a.mime)).toEqual([
      'application/pdf',
      'image/jpeg',
      'image/png',
      'audio/mpeg',
      'video/mp4',
    ]);
    expect(body.attachments[4].name).toBe('clip.mp4');
    for (const [i, f] of files.entries()) {
      const sha = createHash('sha256').update(f.content).digest('hex');
      expect(body.attachments[i].sha256).toBe(sha);
      expect(statSync(path.join(dir, sha.slice(0, 2), sha)).size).toBe(f.content.length);
    }
    expect(filesIn(path.join(dir, 'tmp'))).toEqual([]);
    expect(path.relative(path.resolve('web'), dir).startsWith('..')).toBe(true);
  });

  it('serves an attachment only as a download, with nosniff, to the complainant and to police in scope', async () => {
    const r = await postMultipart(t, citizen, makeComplaintInput(), [
      { filename: 'photo.png', content: SAMPLES.png(), contentType: 'image/png' },
    ]);
    expect(r.statusCode, r.body).toBe(201);
    const c = r.json();
    const a = c.attachments[0];
    const mine = await citizen.get(a.url);
    expect(mine.statusCode).toBe(200);
    expect(mine.headers['content-disposition']).toMatch(/^attachment; filename="photo\.png"/);
    expect(mine.headers['x-content-type-options']).toBe('nosniff');
    expect(mine.headers['content-type']).toBe('image/png');
    expect(mine.rawPayload.equals(SAMPLES.png())).toBe(true);

    const police = await (await t.login('duty.ps1')).get(`/api/v1/complaints/${c.id}/attachments/${a.id}`);
    expect(police.statusCode).toBe(200);
    expect(police.headers['content-disposition']).toMatch(/^attachment;/);
    expect(police.headers['x-content-type-options']).toBe('nosniff');
    const audit = await t.db.kysely
      .selectFrom('audit_event')
      .select('action')
      .where('entity_id', '=', c.id)
      .where('action', '=', 'complaint.attachment_read')
      .execute();
    expect(audit).toHaveLength(1);

    // Another station's officer and the court get 404 / 403, never the file.
    expect((await (await t.login('duty.ps2')).get(`/api/v1/complaints/${c.id}/attachments/${a.id}`)).statusCode).toBe(404);
    expect((await (await t.login('court1')).get(`/api/v1/complaints/${c.id}/attachments/${a.id}`)).statusCode).toBe(403);
  });

  it('refuses a file over 10 MB with 413 and stores nothing', async () => {
    const big = Buffer.concat([SAMPLES.pdf(), Buffer.alloc(MAX_ATTACHMENT_BYTES + 1 - SAMPLES.pdf().length, 0x20)]);
    const r = await postMultipart(t, citizen, makeComplaintInput(), [
      { filename: 'ok.png', content: SAMPLES.png() },
      { filename: 'big.pdf', content: big, contentType: 'application/pdf' },
    ]);
    expect(r.statusCode).toBe(413);
    expect(errorOf(r)).toMatchObject({ code: 'attachment_too_large', fields: { 'files.1': expect.any(String) } });
    expect(errorOf(r).messageHi).toBeTruthy();
    await expectNothingStored();
  });

  it('accepts a file of exactly 10 MB', async () => {
    const exact = Buffer.concat([SAMPLES.pdf(), Buffer.alloc(MAX_ATTACHMENT_BYTES - SAMPLES.pdf().length, 0x20)]);
    const r = await postMultipart(t, citizen, makeComplaintInput(), [{ filename: 'exact.pdf', content: exact }]);
    expect(r.statusCode, r.body.slice(0, 300)).toBe(201);
    expect(r.json().attachments[0].sizeBytes).toBe(MAX_ATTACHMENT_BYTES);
  });

  it('refuses an .exe renamed .pdf with 415 and stores nothing', async () => {
    const r = await postMultipart(t, citizen, makeComplaintInput(), [
      { filename: 'ok.jpg', content: SAMPLES.jpeg() },
      { filename: 'invoice.pdf', content: SAMPLES.exe(), contentType: 'application/pdf' },
    ]);
    expect(r.statusCode).toBe(415);
    expect(errorOf(r)).toMatchObject({ code: 'attachment_type_not_allowed' });
    expect(errorOf(r).fields?.['files.1']).toMatch(/x-msdownload/);
    await expectNothingStored();
  });

  it('refuses an HTML page named .png with 415 and stores nothing', async () => {
    const r = await postMultipart(t, citizen, makeComplaintInput(), [
      { filename: 'evidence.png', content: SAMPLES.html(), contentType: 'image/png' },
    ]);
    expect(r.statusCode).toBe(415);
    expect(errorOf(r).fields?.['files.0']).toBeTruthy();
    await expectNothingStored();
  });

  it('refuses an empty file with 415', async () => {
    const r = await postMultipart(t, citizen, makeComplaintInput(), [{ filename: 'empty.pdf', content: Buffer.alloc(0) }]);
    expect(r.statusCode).toBe(415);
    await expectNothingStored();
  });

  it('refuses a sixth file with 413 and stores nothing', async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({
      filename: `p${i}.pdf`,
      content: Buffer.concat([SAMPLES.pdf(), Buffer.from(`%${i}`)]),
    }));
    const r = await postMultipart(t, citizen, makeComplaintInput(), six);
    expect(r.statusCode).toBe(413);
    expect(errorOf(r).code).toBe('too_many_attachments');
    await expectNothingStored();
  });

  it('stores nothing when the complaint itself is refused after the files were read (bad times: 422; malformed: 400)', async () => {
    const future = makeComplaintInput({ occurrence: { from: '2026-02-01T10:00:00+05:30', place: 'Sarafa Bazaar' } });
    const r1 = await postMultipart(t, citizen, future, [
      { filename: 'a.pdf', content: Buffer.concat([SAMPLES.pdf(), Buffer.from('%future')]) },
    ]);
    expect(r1.statusCode).toBe(422);
    expect(errorOf(r1).fields).toHaveProperty(['occurrence.from']);
    await expectNothingStored();

    const r2 = await postMultipart(t, citizen, { kind: 'mobile_theft' }, [
      { filename: 'b.pdf', content: Buffer.concat([SAMPLES.pdf(), Buffer.from('%malformed')]) },
    ]);
    expect(r2.statusCode).toBe(400);
    expect(Object.keys(errorOf(r2).fields ?? {})).toEqual(expect.arrayContaining(['occurrence', 'description']));
    await expectNothingStored();
  });

  it('stores a file sent by two complaints once, and keeps it for both', async () => {
    const content = Buffer.concat([SAMPLES.pdf(), Buffer.from('%shared')]);
    const a = await postMultipart(t, citizen, makeComplaintInput(), [{ filename: 'x.pdf', content }]);
    const b = await postMultipart(t, citizen, makeComplaintInput(), [{ filename: 'y.pdf', content }]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json().attachments[0].sha256).toBe(b.json().attachments[0].sha256);
    expect((await citizen.get(b.json().attachments[0].url)).statusCode).toBe(200);
  });

  it('keeps another citizen from an attachment (404)', async () => {
    const r = await postMultipart(t, citizen, makeComplaintInput(), [{ filename: 'mine.png', content: SAMPLES.png() }]);
    const c = r.json();
    const { client: stranger } = await signUpCitizen(t);
    expect((await stranger.get(`/api/v1/citizen/complaints/${c.id}/attachments/${c.attachments[0].id}`)).statusCode).toBe(404);
    expect((await stranger.get(`/api/v1/citizen/complaints/${c.id}`)).statusCode).toBe(404);
  });
});

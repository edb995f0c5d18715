import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { link, mkdir, rm, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { fileTypeFromFile } from 'file-type';
import type { Config } from '../../config.js';
import { AppError, badRequest } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';

/**
 * Complaint attachments: at most 5 files of at most 10 MB each, only PDF, JPEG, PNG, MP3 and
 * MP4 as their CONTENT shows (magic bytes, via file-type), whatever the name or the type the
 * browser claims. An .exe renamed .pdf or an HTML page named .png is refused (415).
 *
 * Files are streamed to a temporary file under UPLOAD_DIR/tmp while their SHA-256 and size
 * are taken, checked, and only then moved to UPLOAD_DIR/<aa>/<sha256> (content-addressed, so
 * a file sent twice is stored once). UPLOAD_DIR lies outside the web root (web/dist), and the
 * files are served only through the download routes, as attachments with nosniff.
 * A request that fails at any point leaves no temporary file, no stored file and no row.
 */
export const MAX_ATTACHMENTS = 5;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The accepted types as file-type names them, and the extension a download carries. */
export const ALLOWED_TYPES = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'audio/mpeg': 'mp3',
  'video/mp4': 'mp4',
} as const;
export type AllowedMime = keyof typeof ALLOWED_TYPES;

/** UPLOAD_DIR, else ${DATA_DIR}/uploads; in tests without UPLOAD_DIR, a directory under the system's temp. */
export const uploadDir = (config: Pick<Config, 'UPLOAD_DIR' | 'DATA_DIR' | 'NODE_ENV'>): string =>
  path.resolve(
    config.UPLOAD_DIR ?? (config.NODE_ENV === 'test' ? path.join(tmpdir(), 'cctns-test-uploads') : path.join(config.DATA_DIR, 'uploads')),
  );

/** Where a stored file lives: two levels by the hash so that no directory grows huge. */
export const storedPath = (dir: string, sha256: string): string => path.join(dir, sha256.slice(0, 2), sha256);

export interface StagedFile {
  tempPath: string;
  sha256: string;
  size: number;
  mime: AllowedMime;
  ext: string;
  originalName: string;
}

export const attachmentTooLarge = (index: number) =>
  new AppError(413, 'attachment_too_large', 'An attachment is larger than 10 MB.', 'एक संलग्नक 10 एमबी से बड़ा है।', {
    [`files.${index}`]: 'larger than 10 MB',
  });

export const tooManyAttachments = () =>
  new AppError(
    413,
    'too_many_attachments',
    'At most 5 attachments can be sent with a complaint.',
    'एक शिकायत के साथ अधिकतम 5 संलग्नक भेजे जा सकते हैं।',
    {
      files: 'more than 5 files',
    },
  );

export const attachmentTypeRefused = (index: number, found: string | undefined) =>
  new AppError(
    415,
    'attachment_type_not_allowed',
    'Only PDF, JPEG, PNG, MP3 and MP4 files can be attached; the file’s content is checked, not its name.',
    'केवल PDF, JPEG, PNG, MP3 और MP4 फ़ाइलें संलग्न की जा सकती हैं; फ़ाइल की सामग्री जांची जाती है, नाम नहीं।',
    {
      [`files.${index}`]: found ? `the content is ${found}, which is not accepted` : 'the content is not a PDF, JPEG, PNG, MP3 or MP4 file',
    },
  );

/** A file name safe to put in a Content-Disposition header: no path, no control characters or quotes. */
export function cleanFileName(name: string | undefined, ext: string): string {
  const base = path
    .basename((name ?? '').replace(/\\/g, '/'))
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f"\\/<>:|?*;]/g, '')
    .trim()
    .replace(/\.[^.]*$/, '')
    .slice(0, 100);
  return `${base || 'attachment'}.${ext}`;
}

async function removeQuietly(p: string) {
  await rm(p, { force: true }).catch(() => {});
}

/** Removes temporary files (after a failure, or after they were moved). */
export async function discardStaged(files: readonly StagedFile[]) {
  for (const f of files) await removeQuietly(f.tempPath);
}

const MULTIPART_LIMITS = {
  fileSize: MAX_ATTACHMENT_BYTES,
  // One more than allowed, so that the sixth file is seen and refused with a clear message.
  files: MAX_ATTACHMENTS + 1,
  fields: 4,
  fieldSize: 256 * 1024,
  parts: MAX_ATTACHMENTS + 6,
  headerPairs: 100,
};

/**
 * Reads a multipart complaint submission: the JSON field `complaint` and up to 5 files (any
 * field name, usually `files`). Each file is checked as it arrives; the first bad one stops the
 * request (413 for size or count, 415 for type) and every temporary file is removed before the
 * error is thrown. Returns the parsed JSON (for the route's schema) and the staged files.
 */
export async function readMultipartSubmission(req: FastifyRequest, dir: string): Promise<{ body: unknown; files: StagedFile[] }> {
  const tmp = path.join(dir, 'tmp');
  await mkdir(tmp, { recursive: true });
  const files: StagedFile[] = [];
  let body: unknown = undefined;
  let pending: string | undefined;
  try {
    for await (const part of req.parts({ limits: MULTIPART_LIMITS })) {
      if (part.type === 'field') {
        if (part.fieldname !== 'complaint') continue;
        if (part.valueTruncated) throw badRequest('The complaint field is too long.', 'शिकायत फ़ील्ड बहुत लंबा है।', { complaint: 'too long' });
        const raw = part.value;
        if (typeof raw === 'string') {
          try {
            body = JSON.parse(raw);
          } catch {
            throw badRequest('The complaint field is not valid JSON.', 'शिकायत फ़ील्ड मान्य JSON नहीं है।', { complaint: 'not valid JSON' });
          }
        } else body = raw;
        continue;
      }
      const index = files.length;
      if (index >= MAX_ATTACHMENTS) {
        part.file.resume();
        throw tooManyAttachments();
      }
      const tempPath = path.join(tmp, `${newId()}.part`);
      pending = tempPath;
      const hash = createHash('sha256');
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          size += chunk.length;
          hash.update(chunk);
          cb(null, chunk);
        },
      });
      await pipeline(part.file, meter, createWriteStream(tempPath, { flags: 'wx', mode: 0o600 }));
      if (part.file.truncated || size > MAX_ATTACHMENT_BYTES) throw attachmentTooLarge(index);
      const found = size > 0 ? await fileTypeFromFile(tempPath) : undefined;
      const mime = found?.mime as string | undefined;
      if (!mime || !(mime in ALLOWED_TYPES)) throw attachmentTypeRefused(index, found ? `${found.mime} (.${found.ext})` : undefined);
      const ext = ALLOWED_TYPES[mime as AllowedMime];
      files.push({
        tempPath,
        sha256: hash.digest('hex'),
        size,
        mime: mime as AllowedMime,
        ext,
        originalName: cleanFileName(part.filename, ext),
      });
      pending = undefined;
    }
  } catch (e) {
    if (pending) await removeQuietly(pending);
    await discardStaged(files);
    throw translateMultipartError(e, files.length);
  }
  return { body, files };
}

function translateMultipartError(e: unknown, index: number): unknown {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string }).code;
  switch (code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return attachmentTooLarge(index);
    case 'FST_FILES_LIMIT':
      return tooManyAttachments();
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new AppError(413, 'payload_too_large', 'The upload has too many parts.', 'अपलोड में बहुत अधिक भाग हैं।');
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return badRequest('The form data is malformed.', 'फ़ॉर्म डेटा सही नहीं है।', { complaint: 'malformed' });
  }
  if (e instanceof Error && /multipart|Unexpected end of form|Part terminated/i.test(e.message))
    return badRequest('The form data is malformed.', 'फ़ॉर्म डेटा सही नहीं है।', { files: 'malformed multipart body' });
  return e;
}

/**
 * Moves staged files to their content-addressed place. Returns the paths this call created
 * (a file already stored by an earlier complaint is kept as it is and not listed), so that a
 * failed transaction can remove exactly what it added.
 */
export async function storeStaged(dir: string, files: readonly StagedFile[]): Promise<string[]> {
  const created: string[] = [];
  try {
    for (const f of files) {
      const dest = storedPath(dir, f.sha256);
      await mkdir(path.dirname(dest), { recursive: true });
      try {
        // link() fails if the destination exists, so two requests storing the same content
        // cannot both believe they created it.
        await link(f.tempPath, dest);
        created.push(dest);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      await unlink(f.tempPath).catch(() => {});
    }
  } catch (e) {
    for (const p of created) await removeQuietly(p);
    throw e;
  }
  return created;
}

/** Removes files this request stored, unless some other complaint has come to refer to them. */
export async function unstore(paths: readonly string[], stillUsed: (sha256: string) => Promise<boolean>) {
  for (const p of paths) {
    if (!(await stillUsed(path.basename(p)).catch(() => true))) await removeQuietly(p);
  }
}

/** A stored file as a stream, or undefined when it is missing on disk. */
export async function openStored(dir: string, sha256: string) {
  const p = storedPath(dir, sha256);
  if (!existsSync(p)) return undefined;
  const s = await stat(p);
  return { stream: createReadStream(p), size: s.size };
}

/** Content-Disposition for a download: an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

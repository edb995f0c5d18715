/**
 * Files attached to a case: the type is read from the file's own bytes (file-type), never from
 * the name or the client's content type; a size limit; the SHA-256 is computed and shown, so a
 * court can check a copy; the bytes are stored outside the web root (UPLOAD_DIR, default
 * DATA_DIR/uploads) under a name the server chooses, and served only through an audited route
 * as an attachment.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import type { Kysely } from 'kysely';
import type { Config } from '../../config.js';
import type { Database } from '../../db/types.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { invalid, recordNotFound } from './errors.js';
import * as repo from './repository.js';
import { auditCase, getCase, placeOfCase, requireDesignatedIo, type InvDeps, type Officer } from './service.js';

/** The largest file accepted, decoded (the JSON body carries it base64, about 4/3 of this). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** What a case may hold: photographs, scans, PDFs, audio and video recordings. */
const ALLOWED = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/tiff',
  'application/pdf',
  'audio/mpeg',
  'audio/mp4',
  'audio/x-m4a',
  'audio/wav',
  'audio/x-wav',
  'audio/ogg',
  'audio/aac',
  'audio/webm',
  'video/mp4',
  'video/webm',
  'video/3gpp',
  'video/quicktime',
  'video/x-matroska',
  'video/x-msvideo',
]);

export const DOCUMENT_KINDS = ['photo', 'sketch', 'audio', 'video', 'document', 'report', 'search_recording', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Where uploads live: UPLOAD_DIR, else DATA_DIR/uploads (tests without UPLOAD_DIR: the OS temp dir, never ./data). */
export function uploadRoot(config: Pick<Config, 'UPLOAD_DIR' | 'DATA_DIR' | 'NODE_ENV'>): string {
  if (config.UPLOAD_DIR) return path.resolve(config.UPLOAD_DIR);
  if (config.NODE_ENV === 'test') return path.join(tmpdir(), 'cctns-test-uploads');
  return path.resolve(path.join(config.DATA_DIR, 'uploads'));
}

export interface DocumentInput {
  kind: DocumentKind;
  title: string;
  fileName: string;
  contentBase64: string;
}

const tooLarge = () =>
  new AppError(
    413,
    'file_too_large',
    `The file is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`,
    `फ़ाइल ${MAX_DOCUMENT_BYTES / 1024 / 1024} एमबी से बड़ी है।`,
    {
      contentBase64: 'too large',
    },
  );

/** Decodes and checks an upload: size, and the type found in its magic bytes. */
export async function inspectUpload(contentBase64: string): Promise<{ bytes: Buffer; mime: string; ext: string; sha256: string }> {
  if (!/^[A-Za-z0-9+/=\s]+$/.test(contentBase64))
    throw invalid('file_not_base64', 'contentBase64 is not base64.', 'contentBase64 बेस64 नहीं है।', { contentBase64: 'not base64' });
  if (contentBase64.length > Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 8) throw tooLarge();
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length === 0) throw invalid('file_empty', 'The file is empty.', 'फ़ाइल खाली है।', { contentBase64: 'empty' });
  if (bytes.length > MAX_DOCUMENT_BYTES) throw tooLarge();
  const ft = await fileTypeFromBuffer(bytes);
  if (!ft || !ALLOWED.has(ft.mime))
    throw new AppError(
      415,
      'file_type_not_allowed',
      `This kind of file is not accepted${ft ? ` (${ft.mime})` : ''}. Upload a photograph, a PDF, or an audio or video recording.`,
      'यह फ़ाइल प्रकार स्वीकार्य नहीं है। फ़ोटो, पीडीएफ़, या ऑडियो/वीडियो रिकॉर्डिंग अपलोड करें।',
      { contentBase64: ft ? `is ${ft.mime}` : 'type not recognised from its content' },
    );
  return { bytes, mime: ft.mime, ext: ft.ext, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/**
 * Attaches a file to the case (the designated IO, at any stage after the case was opened).
 * The bytes are written before the row, and removed again if the transaction fails.
 */
export async function addDocument(deps: InvDeps & { config: Config }, db: Kysely<Database>, o: Officer, id: string, input: DocumentInput) {
  const file = await inspectUpload(input.contentBase64);
  const docId = newId();
  const storageKey = path.join('cases', id, `${docId}.${file.ext}`);
  const full = path.join(uploadRoot(deps.config), storageKey);
  let written = false;
  try {
    return await db.transaction().execute(async (trx) => {
      const { c } = await requireDesignatedIo(trx, o, id, 'any');
      await mkdir(path.dirname(full), { recursive: true });
      await writeFile(full, file.bytes, { flag: 'wx', mode: 0o640 });
      written = true;
      const row = {
        id: docId,
        fir_id: c.id,
        ...placeOfCase(c),
        kind: input.kind,
        title: input.title,
        file_name:
          path
            .basename(input.fileName)
            .replace(/[^\p{L}\p{N}._ -]/gu, '_')
            .slice(0, 200) || `file.${file.ext}`,
        content_type: file.mime,
        size_bytes: file.bytes.length,
        sha256: file.sha256,
        storage_key: storageKey,
        uploaded_by: o.auth.user.id,
        uploaded_by_name: o.auth.user.name,
        uploaded_at: deps.clock.now(),
      };
      await repo.insertRecord(trx, 'case_document', row);
      await auditCase(trx, deps, o, c, 'case.document_add', {
        documentId: docId,
        sha256: file.sha256,
        contentType: file.mime,
        size: file.bytes.length,
      });
      return row;
    });
  } catch (e) {
    if (written) await rm(full, { force: true });
    throw e;
  }
}

/** A document's bytes for download (audited as a read). */
export async function readDocument(deps: InvDeps & { config: Config }, db: Kysely<Database>, o: Officer, id: string, documentId: string) {
  const c = await getCase(db, o, id);
  const d = await repo.findDocument(db, id, documentId);
  if (!d) throw recordNotFound('Document', 'दस्तावेज़', 'document_not_found');
  const root = uploadRoot(deps.config);
  const full = path.resolve(root, d.storage_key);
  if (!full.startsWith(root + path.sep)) throw recordNotFound('Document', 'दस्तावेज़', 'document_not_found');
  let bytes: Buffer;
  try {
    bytes = await readFile(full);
  } catch {
    throw new AppError(
      410,
      'document_file_missing',
      'The stored file is missing. Tell the administrator.',
      'संग्रहीत फ़ाइल उपलब्ध नहीं है। प्रशासक को सूचित करें।',
    );
  }
  await auditCase(db, deps, o, c, 'case.document_read', { documentId, sha256: d.sha256 });
  return { doc: d, bytes };
}

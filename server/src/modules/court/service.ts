/**
 * Courts and how a court's side reaches the system: machine tokens for the court API (one or
 * more per court, only their SHA-256 stored) and the clerks of the in-app court screen. A
 * court sees only the cases e-filed to it: every court read is filtered by its court id in the
 * query, and a case of another court answers 404 exactly like a missing one.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import type { SessionUser } from '../../http/types.js';
import type { Clock } from '../../lib/clock.js';
import { AppError, forbidden, notFound, unprocessable } from '../../lib/errors.js';
import { newId, randomToken, sha256Hex } from '../../lib/ids.js';
import type { ActorContext } from '../audit/service.js';
import { recordAudit } from '../audit/service.js';
import * as repo from './repository.js';
import type { CourtRow } from './repository.js';

export type { CourtRow };

export const courtTokenInvalid = () =>
  new AppError(
    401,
    'court_token_invalid',
    'A valid court API token is required: send it as "Authorization: Bearer <token>".',
    'मान्य न्यायालय एपीआई टोकन आवश्यक है: इसे "Authorization: Bearer <token>" के रूप में भेजें।',
  );

export const courtNotFound = () => notFound('Court', 'न्यायालय', 'court_not_found');

/**
 * The court of a request to the court machine API, from its `Authorization: Bearer <token>`
 * header. 401 for a missing, unknown or revoked token (or a disabled court); never says which.
 */
export async function courtFromAuthorization(
  db: Kysely<Database>,
  header: string | string[] | undefined,
): Promise<CourtRow & { token_id: string }> {
  const h = Array.isArray(header) ? header[0] : header;
  const m = h ? /^Bearer\s+([A-Za-z0-9_\-.~+/=]{20,200})$/i.exec(h.trim()) : null;
  if (!m) throw courtTokenInvalid();
  const found = await repo.findCourtByTokenHash(db, sha256Hex(m[1]));
  if (!found) throw courtTokenInvalid();
  return found;
}

/** The audit identity of a court acting through its token. */
export function courtActorContext(stateCode: string, court: { code: string }, base: ActorContext): ActorContext {
  return { ...base, stateCode, userId: null, username: `court:${court.code}`, role: 'court' };
}

/**
 * Issues a new token for a court; the token is returned once and only its hash is kept. `given`
 * is for the demo seed (DEMO_COURT_TOKEN); otherwise the token is 256 random bits.
 */
export async function issueCourtToken(
  db: Kysely<Database>,
  clock: Clock,
  courtId: string,
  label: string,
  createdBy: string | null,
  given?: string,
): Promise<{ id: string; token: string }> {
  const token = given ?? `cct_${randomToken(32)}`;
  const id = newId();
  await repo.insertToken(db, {
    id,
    court_id: courtId,
    token_hash: sha256Hex(token),
    label,
    created_by: createdBy,
    created_at: clock.now(),
  });
  return { id, token };
}

/** The court whose clerk a user of role court is; 403 when the user is not a court clerk. */
export async function clerkCourt(db: Kysely<Database>, user: SessionUser): Promise<CourtRow> {
  const c = await repo.findClerkCourt(db, user.id);
  if (!c)
    throw forbidden(
      'not_a_court_clerk',
      'Your account is not linked to a court. Ask the administrator.',
      'आपका खाता किसी न्यायालय से नहीं जुड़ा है। प्रशासक से संपर्क करें।',
    );
  return c;
}

export const findCourt = repo.findCourt;
export const listCourts = repo.listCourts;

/** A court that may receive a case of this district; 422 naming the field otherwise. */
export async function courtForDistrict(
  db: Kysely<Database>,
  stateCode: string,
  districtId: string,
  courtId: string,
  field = 'courtId',
): Promise<CourtRow> {
  const c = await repo.findCourt(db, courtId);
  if (!c || c.state_code !== stateCode || c.district_id !== districtId || c.disabled_at)
    throw unprocessable('court_not_of_district', 'Choose a court of the case’s district.', 'प्रकरण के जिले का न्यायालय चुनें।', {
      [field]: 'not a court of this district',
    });
  return c;
}

/** The default court of a district for final reports: its first active court by code. */
export async function defaultCourt(db: Kysely<Database>, stateCode: string, districtId: string): Promise<CourtRow | undefined> {
  return (await repo.listCourts(db, stateCode, districtId))[0];
}

export const DEMO_COURT = {
  code: 'CJM-D1',
  name: 'Chief Judicial Magistrate, Vindhyanagar',
  nameHi: 'मुख्य न्यायिक मजिस्ट्रेट, विंध्यनगर',
  establishmentCode: 'XAVN01',
  district: 'D1',
  clerk: 'court1',
};

/**
 * The demo court of district D1 and its clerk (the demo user court1), created if missing.
 * Idempotent; used by the demo seed and by tests.
 */
export async function ensureDemoCourt(db: Kysely<Database>, clock: Clock, stateCode: string): Promise<CourtRow> {
  let court = await repo.findCourtByCode(db, stateCode, DEMO_COURT.code);
  if (!court) {
    const district = await db
      .selectFrom('district')
      .select('id')
      .where('state_code', '=', stateCode)
      .where('code', '=', DEMO_COURT.district)
      .executeTakeFirst();
    if (!district) throw new Error(`district ${DEMO_COURT.district} missing from the demo state`);
    await repo.insertCourt(db, {
      id: newId(),
      state_code: stateCode,
      district_id: district.id,
      code: DEMO_COURT.code,
      name: DEMO_COURT.name,
      name_hi: DEMO_COURT.nameHi,
      establishment_code: DEMO_COURT.establishmentCode,
      created_at: clock.now(),
    });
    court = (await repo.findCourtByCode(db, stateCode, DEMO_COURT.code))!;
  }
  const clerk = await db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', DEMO_COURT.clerk)
    .where('state_code', '=', stateCode)
    .executeTakeFirst();
  if (clerk) await repo.upsertClerk(db, clerk.id, court.id, clock.now());
  return court;
}

/** A clerk issues a token for their court's system (shown once); audited. */
export async function issueTokenAsClerk(db: Kysely<Database>, clock: Clock, actor: ActorContext, user: SessionUser, label: string) {
  const court = await clerkCourt(db, user);
  const t = await issueCourtToken(db, clock, court.id, label, user.id);
  await recordAudit(db, clock, actor, {
    action: 'court.token_issue',
    entityType: 'court',
    entityId: court.id,
    districtId: court.district_id,
    details: { tokenId: t.id, label },
  });
  return { ...t, court };
}

export async function revokeTokenAsClerk(db: Kysely<Database>, clock: Clock, actor: ActorContext, user: SessionUser, tokenId: string) {
  const court = await clerkCourt(db, user);
  if (!(await repo.revokeToken(db, court.id, tokenId, clock.now()))) throw notFound('Token', 'टोकन', 'token_not_found');
  await recordAudit(db, clock, actor, {
    action: 'court.token_revoke',
    entityType: 'court',
    entityId: court.id,
    districtId: court.district_id,
    details: { tokenId },
  });
}

export const listTokens = repo.listTokens;

/** The court a user clerks for, or undefined (for counts; no error). */
export const findClerkCourtSafe = (db: Kysely<Database>, userId: string) => repo.findClerkCourt(db, userId);

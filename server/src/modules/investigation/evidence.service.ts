/**
 * Seizure memos (NCRB IIF-4) with their items, the chain of custody of every item, and the
 * cross-case property alert.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/types.js';
import { conflict, type FieldErrors } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { badOrder, invalid, istText, recordNotFound } from './errors.js';
import { CUSTODY_MOVES, LOCATION_LABELS, movesFrom, type CustodyMoveKind, type ItemLocation } from './custody.js';
import { identifiersOf, indexSeizedItems, propertyAlerts } from './property.js';
import * as repo from './repository.js';
import { resolveCasePerson } from './records.service.js';
import { auditCase, authorOf, checkRecordTime, placeOfCase, requireDesignatedIo, timeOr, type InvDeps, type Officer } from './service.js';

type Trx = Kysely<Database>;

export interface SeizedItemInput {
  description: string;
  category: 'vehicle' | 'mobile_phone' | 'electronic' | 'cash' | 'jewellery' | 'document' | 'weapon' | 'narcotics' | 'liquor' | 'other';
  quantity: number;
  unit?: string;
  identifyingMarks?: string;
  value?: number;
  vehicleRegNo?: string;
  engineNo?: string;
  chassisNo?: string;
  imei?: string[];
  ownerName?: string;
}

export interface SeizureInput {
  seizedAt?: string;
  place: string;
  lat?: number;
  lng?: number;
  searchKind: 'search' | 'recovery' | 'production' | 'other';
  fromPersonCode?: string;
  witnesses: { name: string; address?: string }[];
  recording?: { documentId?: string; ref?: string; sha256?: string };
  recordingAbsentReason?: string;
  items: SeizedItemInput[];
  remarks?: string;
}

/**
 * A seizure memo (IIF-4): not before the FIR, with its witnesses and the audio-video recording
 * of the search (BNSS 105: a case document that is audio/video, or a reference and hash of a
 * recording kept elsewhere such as e-Sakshya; without one, the reason is recorded). Items are
 * numbered per case; each starts "with the seizing officer" until deposited in the malkhana.
 * Vehicle and phone numbers are checked against other cases: the matches come back as alerts.
 */
export async function recordSeizure(deps: InvDeps, trx: Trx, o: Officer, id: string, input: SeizureInput) {
  const { c } = await requireDesignatedIo(trx, o, id);
  const seizedAt = checkRecordTime(deps, c, timeOr(deps, input.seizedAt), 'seizedAt', 'seizure', 'जब्ती');
  const fields: FieldErrors = {};
  if (input.recording?.documentId) {
    const d = await repo.findDocument(trx, id, input.recording.documentId);
    if (!d) fields['recording.documentId'] = 'not a document of this case';
    else if (!/^(video|audio)\//.test(d.content_type))
      fields['recording.documentId'] = `is ${d.content_type}, not an audio-video recording`;
  } else if (input.recording?.ref && !input.recording.sha256)
    fields['recording.sha256'] = 'the SHA-256 of the recording kept elsewhere is required';
  if (!input.recording?.documentId && !input.recording?.ref && !input.recordingAbsentReason?.trim())
    fields.recording = 'BNSS 105: link the audio-video recording of the search, or record why there is none (recordingAbsentReason)';
  if (Object.keys(fields).length)
    throw invalid(
      'seizure_recording_invalid',
      'BNSS 105: the search and seizure is recorded by audio-video means; link the recording.',
      'बीएनएसएस 105: तलाशी और जब्ती की ऑडियो-वीडियो रिकॉर्डिंग जोड़ें।',
      fields,
    );
  const from = input.fromPersonCode ? await resolveCasePerson(trx, id, { code: input.fromPersonCode }, 'fromPersonCode') : null;

  const memoId = newId();
  const now = deps.clock.now();
  const memo = {
    id: memoId,
    fir_id: c.id,
    ...placeOfCase(c),
    memo_no: await repo.nextNo(trx, 'seizure_memo', 'memo_no', id),
    seized_at: seizedAt,
    place: input.place,
    place_lat: input.lat ?? null,
    place_lng: input.lng ?? null,
    search_kind: input.searchKind,
    from_case_person_id: from?.id ?? null,
    witnesses: input.witnesses,
    recording_document_id: input.recording?.documentId ?? null,
    recording_ref: input.recording?.ref ?? null,
    recording_sha256: input.recording?.sha256?.toLowerCase() ?? null,
    recording_absent_reason: input.recordingAbsentReason?.trim() || null,
    remarks: input.remarks ?? null,
    ...authorOf(o),
    author_rank: o.auth.user.rank,
    created_at: now,
  };
  await repo.insertRecord(trx, 'seizure_memo', memo);
  let itemNo = await repo.nextNo(trx, 'seized_item', 'item_no', id);
  const items = [];
  const ids: { kind: 'vehicle_reg' | 'engine_no' | 'chassis_no' | 'imei'; value: string; description: string }[] = [];
  for (const it of input.items) {
    const item = {
      id: newId(),
      seizure_id: memoId,
      fir_id: c.id,
      ...placeOfCase(c),
      item_no: itemNo++,
      description: it.description,
      category: it.category,
      quantity: it.quantity,
      unit: it.unit ?? 'nos',
      identifying_marks: it.identifyingMarks ?? null,
      value: it.value ?? 0,
      vehicle_reg_no: it.vehicleRegNo ?? null,
      engine_no: it.engineNo ?? null,
      chassis_no: it.chassisNo ?? null,
      imei: it.imei ?? [],
      owner_name: it.ownerName ?? null,
      created_at: now,
    };
    await repo.insertRecord(trx, 'seized_item', item);
    items.push({ ...item, location: 'seized' as ItemLocation });
    for (const x of identifiersOf({ regNo: it.vehicleRegNo, engineNo: it.engineNo, chassisNo: it.chassisNo, imei: it.imei })) {
      ids.push({ ...x, description: `Item ${item.item_no}: ${it.description}` });
      await repo.insertRecord(trx, 'property_identifier', {
        id: newId(),
        fir_id: c.id,
        ...placeOfCase(c),
        source: 'seizure',
        source_id: item.id,
        kind: x.kind,
        value: x.value,
        description: `Item ${item.item_no}: ${it.description}`,
        recorded_at: now,
      });
    }
  }
  await indexSeizedItems(trx, c, input.searchKind, items);
  const alerts = await propertyAlerts(trx, o.auth.scope, c, ids);
  await auditCase(trx, deps, o, c, 'case.seizure', { seizureId: memoId, items: items.length, alerts: alerts.length });
  return { memo, items, alerts };
}

export interface CustodyMoveInput {
  kind: CustodyMoveKind;
  /** Where the mover says the item is now: checked against where it actually is. */
  from: ItemLocation;
  at?: string;
  place: string;
  reason: string;
  handedTo?: string;
  orderRef?: string;
}

/**
 * Moves a seized item along its chain of custody. The item is locked for the move; the move
 * must start where the item actually is (409 `item_not_there`), be one the custody table allows
 * from there (409 `custody_move_not_allowed`), come after the seizure and the previous move in
 * time (422 `time_out_of_order`), and a release or destruction needs the order (422).
 */
export async function moveItem(deps: InvDeps, trx: Trx, o: Officer, id: string, itemId: string, input: CustodyMoveInput) {
  const { c } = await requireDesignatedIo(trx, o, id, 'any');
  const item = await repo.lockItem(trx, id, itemId);
  if (!item) throw recordNotFound('Seized item', 'जब्त वस्तु', 'item_not_found');
  const last = await repo.lastMove(trx, itemId);
  const actual = (last?.to_location ?? 'seized') as ItemLocation;
  if (input.from !== actual)
    throw conflict(
      'item_not_there',
      `Item ${item.item_no} is at “${LOCATION_LABELS[actual].en}”${last ? ` (${last.place})` : ''}, not “${LOCATION_LABELS[input.from].en}”. A move starts where the item actually is.`,
      `वस्तु ${item.item_no} “${LOCATION_LABELS[actual].hi}” पर है, “${LOCATION_LABELS[input.from].hi}” पर नहीं। स्थानांतरण वहीं से होगा जहां वस्तु वास्तव में है।`,
      { from: `the item is at ${actual}` },
    );
  const move = CUSTODY_MOVES[input.kind];
  if (!(move.from as readonly ItemLocation[]).includes(actual))
    throw conflict(
      'custody_move_not_allowed',
      `“${move.label.en}” is not possible for an item at “${LOCATION_LABELS[actual].en}”. Possible: ${movesFrom(actual).join(', ') || 'none (the chain is closed)'}.`,
      `“${LOCATION_LABELS[actual].hi}” पर रखी वस्तु के लिए “${move.label.hi}” संभव नहीं।`,
      { kind: `not allowed from ${actual}` },
    );
  const at = checkRecordTime(deps, c, timeOr(deps, input.at), 'at', 'custody move', 'अभिरक्षा स्थानांतरण');
  const seizure = await repo.findSeizure(trx, item.seizure_id);
  if (seizure && at < seizure.seized_at)
    throw badOrder(
      'at',
      `A custody move cannot be before the seizure (${istText(seizure.seized_at)}).`,
      `अभिरक्षा स्थानांतरण जब्ती (${istText(seizure.seized_at)}) से पहले नहीं हो सकता।`,
    );
  if (last && at < last.at)
    throw badOrder(
      'at',
      `Custody moves are recorded in time order; the item's last move was at ${istText(last.at)}.`,
      `अभिरक्षा स्थानांतरण समय क्रम में दर्ज होते हैं; पिछला ${istText(last.at)} पर था।`,
    );
  if (move.needsOrder && !input.orderRef?.trim())
    throw invalid(
      'order_required',
      'A release to the owner or a destruction needs the order (orderRef).',
      'स्वामी को सुपुर्दगी या नष्टीकरण हेतु आदेश (orderRef) आवश्यक है।',
      { orderRef: 'required for this move' },
    );
  const row = {
    id: newId(),
    item_id: itemId,
    fir_id: c.id,
    ...placeOfCase(c),
    seq: (last?.seq ?? 0) + 1,
    kind: input.kind,
    from_location: actual,
    to_location: move.to,
    place: input.place,
    at,
    reason: input.reason,
    handed_to: input.handedTo ?? null,
    order_ref: input.orderRef?.trim() || null,
    ...authorOf(o),
    author_rank: o.auth.user.rank,
    created_at: deps.clock.now(),
  };
  await repo.insertRecord(trx, 'custody_move', row);
  await auditCase(trx, deps, o, c, 'case.custody_move', { itemId, moveId: row.id, kind: input.kind, from: actual, to: move.to });
  return { move: row, item: { id: item.id, itemNo: item.item_no, location: move.to } };
}

import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../db/types.js';
import type { App, Deps } from '../../http/types.js';
import { authOf } from '../../http/types.js';
import * as regs from './registers.service.js';
import {
  closeSheetBody,
  listRegisterQuery,
  listSheetsQuery,
  listWantedQuery,
  matchDecisionBody,
  missingBody,
  openSheetBody,
  sheetEntryBody,
  statusBody,
  unidentifiedBody,
  wantedBody,
  wantedStatusBody,
} from './registers.schemas.js';
import {
  addAddressBody,
  addIdentityBody,
  addMarkBody,
  addNameBody,
  addPhoneBody,
  addPhotoBody,
  idParam,
  matchBody,
  mergeBody,
  personInput,
  photoParams,
  searchQuery,
  unmergeBody,
  updatePersonBody,
} from './schemas.js';
import * as svc from './service.js';

const officer = (req: FastifyRequest): svc.PeopleOfficer => ({ auth: authOf(req), actor: req.actor });

/**
 * The person index, its search, history sheets and the person registers. Police only: no route
 * here is public, and history sheets need history_sheet.* (no citizen, court or administrator).
 */
export async function peopleRoutes(app: App, deps: Deps) {
  const db = deps.db.kysely;
  const tx = <T>(fn: (trx: Kysely<Database>) => Promise<T>) => db.transaction().execute(fn);
  const tags = ['people'];

  app.get(
    '/people/search',
    {
      schema: {
        tags,
        summary:
          'Ranked name search in Hindi or English: phonetic keys + trigram + agreement on father’s name, age band, district and sex; each result with its score and why it matched. Audited.',
        querystring: searchQuery,
      },
      config: { permission: 'people.read' },
    },
    async (req) => {
      const q = req.query;
      return svc.searchPeople(deps, db, officer(req), {
        q: q.q,
        districtId: q.district,
        stationId: q.station,
        ageFrom: q.ageFrom,
        ageTo: q.ageTo,
        sex: q.sex,
        role: q.role,
        fatherName: q.fatherName,
        limit: q.limit,
      });
    },
  );

  app.post(
    '/people/match',
    {
      schema: {
        tags,
        summary:
          'Likely existing records for a person about to be added to a case, ranked, with the evidence for each (name, father, birth, address, phone, document)',
        body: matchBody,
      },
      config: { permission: 'people.read' },
    },
    async (req) => {
      const o = officer(req);
      const items = await svc.suggestMatches(db, req.body, {
        stateCode: o.auth.user.stateCode,
        clock: deps.clock,
        config: deps.config,
        db: deps.db,
      });
      return { items };
    },
  );

  app.post(
    '/people',
    {
      schema: {
        tags,
        summary: 'Create a person record (names in any script, aliases, addresses, phones, documents, marks)',
        body: personInput,
      },
      config: { permission: 'people.write' },
    },
    async (req, reply) => reply.status(201).send(await tx((trx) => svc.createPerson(deps, trx, officer(req), req.body))),
  );

  app.get(
    '/people/:id',
    {
      schema: { tags, summary: 'A person record (a merged id answers with the surviving record); audited', params: idParam },
      config: { permission: 'people.read' },
    },
    async (req) => svc.readPerson(deps, db, officer(req), req.params.id),
  );

  app.patch(
    '/people/:id',
    {
      schema: { tags, summary: 'Change a person’s own fields (version required)', params: idParam, body: updatePersonBody },
      config: { permission: 'people.write' },
    },
    async (req) => tx((trx) => svc.updatePerson(deps, trx, officer(req), req.params.id, req.body)),
  );

  app.get(
    '/people/:id/record',
    {
      schema: {
        tags,
        summary: 'Criminal record summary (antecedents): every case in which the person was accused, across the state; audited',
        params: idParam,
      },
      config: { permission: 'people.read' },
    },
    async (req) => svc.criminalRecord(deps, db, officer(req), req.params.id),
  );

  const addition = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    fn: (trx: Kysely<Database>, req: FastifyRequest, id: string, body: z.output<S>) => Promise<unknown>,
  ) =>
    app.post(path, { schema: { tags, summary, params: idParam, body }, config: { permission: 'people.write' } }, async (req, reply) =>
      reply.status(201).send(await tx((trx) => fn(trx, req, (req.params as { id: string }).id, req.body as z.output<S>))),
    );

  addition('/people/:id/names', 'Add an alias or nickname (searchable at once)', addNameBody, (trx, req, id, b) =>
    svc.addName(deps, trx, officer(req), id, b),
  );
  addition('/people/:id/addresses', 'Add an address; a new present address closes the previous one', addAddressBody, (trx, req, id, b) =>
    svc.addAddress(deps, trx, officer(req), id, b),
  );
  addition('/people/:id/phones', 'Add a phone number', addPhoneBody, (trx, req, id, b) => svc.addPhone(deps, trx, officer(req), id, b));
  addition(
    '/people/:id/identity-documents',
    'Add an identity document (Aadhaar kept masked + keyed hash only)',
    addIdentityBody,
    (trx, req, id, b) => svc.addIdentityDocument(deps, trx, officer(req), id, b),
  );
  addition('/people/:id/marks', 'Add an identifying mark', addMarkBody, (trx, req, id, b) => svc.addMark(deps, trx, officer(req), id, b));

  app.post(
    '/people/:id/photos',
    {
      schema: {
        tags,
        summary: 'Add a photograph (JPEG, PNG or WebP up to 5 MB, checked by its bytes)',
        params: idParam,
        body: addPhotoBody,
      },
      config: { permission: 'people.write' },
      bodyLimit: 8 * 1024 * 1024,
    },
    async (req, reply) => reply.status(201).send(await tx((trx) => svc.addPhoto(deps, trx, officer(req), req.params.id, req.body))),
  );

  app.get(
    '/people/:id/photos/:photoId',
    { schema: { tags, summary: 'A photograph of a person (audited)', params: photoParams }, config: { permission: 'people.read' } },
    async (req, reply) => {
      const p = await svc.readPhoto(deps, db, officer(req), req.params.id, req.params.photoId);
      return reply
        .header('content-type', p.content_type)
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', 'inline')
        .send(p.data);
    },
  );

  app.post(
    '/people/:id/merge',
    {
      schema: {
        tags,
        summary: 'Merge a duplicate record (otherId) into this one (SHO or above; audited; reversible; no case link is moved or lost)',
        params: idParam,
        body: mergeBody,
      },
      config: { permission: 'people.merge' },
    },
    async (req) => tx((trx) => svc.mergePersons(deps, trx, officer(req), req.params.id, req.body.otherId, req.body.reason)),
  );

  app.post(
    '/people/:id/unmerge',
    {
      schema: { tags, summary: 'Undo the merge of this record (SHO or above; audited)', params: idParam, body: unmergeBody },
      config: { permission: 'people.merge' },
    },
    async (req) => tx((trx) => svc.unmergePerson(deps, trx, officer(req), req.params.id, req.body.reason)),
  );

  // --- History sheets -----------------------------------------------------------------------

  const hs = ['history-sheets'];
  app.get(
    '/people/:id/history-sheets',
    {
      schema: {
        tags: hs,
        summary: 'The person’s history sheets: in full within your jurisdiction, elsewhere only that one exists; audited',
        params: idParam,
      },
      config: { permission: 'history_sheet.read' },
    },
    async (req) => regs.personHistorySheets(deps, db, officer(req), req.params.id),
  );

  app.get(
    '/history-sheets',
    {
      schema: { tags: hs, summary: 'History sheets kept in your jurisdiction', querystring: listSheetsQuery },
      config: { permission: 'history_sheet.read' },
    },
    async (req) => regs.listHistorySheets(deps, db, officer(req), req.query),
  );

  app.post(
    '/history-sheets',
    {
      schema: { tags: hs, summary: 'Open a history sheet (SHO or SP), with the reason and the class of offender', body: openSheetBody },
      config: { permission: 'history_sheet.manage' },
    },
    async (req, reply) => reply.status(201).send(await tx((trx) => regs.openHistorySheet(deps, trx, officer(req), req.body))),
  );

  app.get(
    '/history-sheets/:id',
    {
      schema: { tags: hs, summary: 'A history sheet with its surveillance notes, associates and MO (audited)', params: idParam },
      config: { permission: 'history_sheet.read' },
    },
    async (req) => regs.readHistorySheet(deps, db, officer(req), req.params.id),
  );

  app.post(
    '/history-sheets/:id/entries',
    {
      schema: { tags: hs, summary: 'Add a surveillance note, associate, MO or note', params: idParam, body: sheetEntryBody },
      config: { permission: 'history_sheet.note' },
    },
    async (req, reply) => reply.status(201).send(await tx((trx) => regs.addSheetEntry(deps, trx, officer(req), req.params.id, req.body))),
  );

  app.post(
    '/history-sheets/:id/close',
    {
      schema: { tags: hs, summary: 'Close a history sheet (SHO or SP), with the reason', params: idParam, body: closeSheetBody },
      config: { permission: 'history_sheet.manage' },
    },
    async (req) => tx((trx) => regs.closeHistorySheet(deps, trx, officer(req), req.params.id, req.body)),
  );

  // --- Registers ----------------------------------------------------------------------------

  const rt = ['registers'];
  app.get(
    '/registers/wanted',
    {
      schema: {
        tags: rt,
        summary: 'Wanted persons, proclaimed persons and proclaimed offenders (BNSS 84) of the state',
        querystring: listWantedQuery,
      },
      config: { permission: 'people.read' },
    },
    async (req) => regs.listWanted(db, officer(req), req.query),
  );
  app.post(
    '/registers/wanted',
    {
      schema: {
        tags: rt,
        summary: 'Enter a person in the wanted register (a proclamation needs the court order; BNSS 84)',
        body: wantedBody,
      },
      config: { permission: 'registers.manage' },
    },
    async (req, reply) => reply.status(201).send(await tx((trx) => regs.addWanted(deps, trx, officer(req), req.body))),
  );
  app.post(
    '/registers/wanted/:id/status',
    {
      schema: { tags: rt, summary: 'Arrested, surrendered or withdrawn', params: idParam, body: wantedStatusBody },
      config: { permission: 'registers.manage' },
    },
    async (req) => tx((trx) => regs.setWantedStatus(deps, trx, officer(req), req.params.id, req.body)),
  );

  app.get(
    '/registers/missing',
    {
      schema: { tags: rt, summary: 'Missing-person reports of the state', querystring: listRegisterQuery },
      config: { permission: 'people.read' },
    },
    async (req) =>
      regs.listMissing(db, officer(req), {
        status: req.query.status,
        mine: req.query.mine === 'true',
        page: req.query.page,
        pageSize: req.query.pageSize,
      }),
  );
  app.post(
    '/registers/missing',
    {
      schema: {
        tags: rt,
        summary: 'Register a missing person; matched at once against unidentified persons and bodies',
        body: missingBody,
      },
      config: { permission: 'registers.manage' },
    },
    async (req, reply) => reply.status(201).send(await tx((trx) => regs.addMissing(deps, trx, officer(req), req.body))),
  );
  app.get(
    '/registers/missing/:id',
    {
      schema: { tags: rt, summary: 'A missing-person report with its possible matches', params: idParam },
      config: { permission: 'people.read' },
    },
    async (req) => regs.getMissing(db, officer(req), req.params.id),
  );
  app.post(
    '/registers/missing/:id/status',
    {
      schema: { tags: rt, summary: 'Mark a missing person traced, or close the report', params: idParam, body: statusBody },
      config: { permission: 'registers.manage' },
    },
    async (req) => tx((trx) => regs.setMissingStatus(deps, trx, officer(req), req.params.id, req.body)),
  );

  app.get(
    '/registers/unidentified',
    {
      schema: { tags: rt, summary: 'Unidentified persons and dead bodies of the state', querystring: listRegisterQuery },
      config: { permission: 'people.read' },
    },
    async (req) =>
      regs.listUnidentified(db, officer(req), {
        status: req.query.status,
        kind: req.query.kind,
        mine: req.query.mine === 'true',
        page: req.query.page,
        pageSize: req.query.pageSize,
      }),
  );
  app.post(
    '/registers/unidentified',
    {
      schema: {
        tags: rt,
        summary: 'Register an unidentified person or dead body; matched at once against missing persons',
        body: unidentifiedBody,
      },
      config: { permission: 'registers.manage' },
    },
    async (req, reply) => reply.status(201).send(await tx((trx) => regs.addUnidentified(deps, trx, officer(req), req.body))),
  );
  app.get(
    '/registers/unidentified/:id',
    {
      schema: { tags: rt, summary: 'An unidentified person or body with its possible matches', params: idParam },
      config: { permission: 'people.read' },
    },
    async (req) => regs.getUnidentified(db, officer(req), req.params.id),
  );

  app.get(
    '/registers/matches',
    {
      schema: {
        tags: rt,
        summary: 'Possible missing ↔ unidentified matches that concern your jurisdiction (either side)',
        querystring: z.object({ status: z.enum(['suggested', 'confirmed', 'rejected']).optional() }),
      },
      config: { permission: 'people.read' },
    },
    async (req) => regs.listMatches(db, officer(req), req.query.status),
  );
  app.post(
    '/registers/matches/:id/decision',
    {
      schema: { tags: rt, summary: 'Confirm or reject a possible match (either station)', params: idParam, body: matchDecisionBody },
      config: { permission: 'registers.manage' },
    },
    async (req) => tx((trx) => regs.decideMatch(deps, trx, officer(req), req.params.id, req.body)),
  );
}

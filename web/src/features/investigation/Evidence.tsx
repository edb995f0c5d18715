import { useRef, useState, type FormEvent } from 'react';
import { api, API_BASE } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { Button, ErrorAlert, Notice, SelectField, TextField } from '../../components/ui.tsx';
import { ClientError } from '../../components/errors.ts';
import { useAction, useFetch } from '../../components/hooks.ts';
import { formatDateTime, formatNumber } from '../../lib/format.ts';
import { CUSTODY_MOVES, type CustodyMoveKind } from '../../../../server/src/modules/investigation/custody.ts';
import type { SectionProps } from './CasePage.tsx';
import { RecordForm } from './forms.tsx';
import type { PropertyAlert } from './types.ts';

const CATEGORIES = [
  'vehicle',
  'mobile_phone',
  'electronic',
  'cash',
  'jewellery',
  'document',
  'weapon',
  'narcotics',
  'liquor',
  'other',
] as const;
const MAX_BYTES = 10 * 1024 * 1024;

/** "Phone | mobile_phone | 1 | 9000 | MP04AB1234 | 356938035643809" → a seized item. */
export function parseItemLine(line: string) {
  const [description, category, quantity, value, regNo, imei] = line.split('|').map((x) => x.trim());
  return {
    description,
    category: (CATEGORIES as readonly string[]).includes(category) ? category : 'other',
    quantity: Number(quantity) > 0 ? Number(quantity) : 1,
    ...(value && !Number.isNaN(Number(value)) ? { value: Number(value) } : {}),
    ...(regNo ? { vehicleRegNo: regNo } : {}),
    ...(imei ? { imei: imei.split(/[ ,]+/).filter(Boolean) } : {}),
  };
}

/** Seizure memos (IIF-4), each item's chain of custody, and the cross-case property alerts. */
export function SeizuresSection({ c, canWrite, canWriteAny, after }: SectionProps) {
  const { t, lang } = useT();
  const alerts = useFetch<{ alerts: PropertyAlert[] }>(`/cases/${c.id}/property-alerts`);
  return (
    <section className="card" id="case-seizures" aria-labelledby="case-seizures-h">
      <h2 id="case-seizures-h">{t('investigation.seizures.title')}</h2>
      {alerts.data && alerts.data.alerts.length > 0 && (
        <div className="alert alert-warning" role="status" data-testid="property-alerts">
          <p className="alert-title">{t('investigation.alerts.title')}</p>
          <ul>
            {alerts.data.alerts.map((a, i) => (
              <li key={i}>
                {a.description} ({t(`investigation.alerts.kind.${a.kind}`)} {a.value}):{' '}
                {a.otherCase ? (
                  <Link to={`/cases/${a.otherCase.caseId}`}>{lang === 'hi' ? a.otherCaseTextHi : a.otherCaseText}</Link>
                ) : lang === 'hi' ? (
                  a.otherCaseTextHi
                ) : (
                  a.otherCaseText
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {c.seizures.length === 0 ? (
        <p className="muted">{t('investigation.none')}</p>
      ) : (
        c.seizures.map((s) => (
          <article key={s.id} className="panel" data-testid="seizure">
            <h3>{t('investigation.seizures.memo', { n: s.memoNo, when: formatDateTime(s.seizedAt, lang), place: s.place })}</h3>
            <p className="muted">
              {t('investigation.seizures.witnesses', { list: s.witnesses.map((w) => w.name).join(', ') })} ·{' '}
              {s.recordingRef || s.recordingDocumentId ? (
                t('investigation.seizures.recording', {
                  ref: s.recordingRef ?? c.documents.find((d) => d.id === s.recordingDocumentId)?.title ?? '',
                })
              ) : (
                <span className="badge badge-warn">
                  {t('investigation.seizures.no_recording', { reason: s.recordingAbsentReason ?? '' })}
                </span>
              )}
            </p>
            <div className="table-wrap">
              <table className="table table-stack">
                <thead>
                  <tr>
                    <th scope="col">{t('investigation.seizures.item')}</th>
                    <th scope="col">{t('investigation.seizures.description')}</th>
                    <th scope="col">{t('investigation.seizures.where')}</th>
                    <th scope="col">{t('investigation.seizures.chain')}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.items.map((i) => (
                    <tr key={i.id} data-item={i.itemNo}>
                      <td data-label={t('investigation.seizures.item')}>{i.itemNo}</td>
                      <td data-label={t('investigation.seizures.description')}>
                        {i.description} · {formatNumber(i.quantity, lang)} {i.unit}
                        {i.value ? ` · ₹${formatNumber(i.value, lang)}` : ''}
                        {i.identifyingMarks && <div className="muted">{i.identifyingMarks}</div>}
                        {i.vehicleRegNo && <div className="muted">{i.vehicleRegNo}</div>}
                        {i.imei.length > 0 && <div className="muted">IMEI {i.imei.join(', ')}</div>}
                      </td>
                      <td data-label={t('investigation.seizures.where')}>
                        <strong>{i.locationLabel[lang]}</strong>
                      </td>
                      <td data-label={t('investigation.seizures.chain')}>
                        {i.moves.length > 0 && (
                          <ol>
                            {i.moves.map((m) => (
                              <li key={m.id}>
                                {formatDateTime(m.at, lang)}: {CUSTODY_MOVES[m.kind as CustodyMoveKind]?.label[lang] ?? m.kind} — {m.place}.{' '}
                                {m.reason}
                                {m.handedTo ? ` (${m.handedTo})` : ''}
                                {m.orderRef ? ` [${m.orderRef}]` : ''} <span className="muted">{m.authorName}</span>
                              </li>
                            ))}
                          </ol>
                        )}
                        {canWriteAny && i.possibleMoves.length > 0 && (
                          <RecordForm
                            id={`mv-${i.id}`}
                            title={t('investigation.seizures.move')}
                            fields={[
                              {
                                name: 'kind',
                                label: t('investigation.seizures.move_kind'),
                                kind: 'select',
                                required: true,
                                options: i.possibleMoves.map((k) => ({ value: k, label: CUSTODY_MOVES[k as CustodyMoveKind].label[lang] })),
                              },
                              {
                                name: 'at',
                                label: t('investigation.seizures.move_at'),
                                kind: 'datetime',
                                hint: t('investigation.now_if_empty'),
                              },
                              { name: 'place', label: t('investigation.seizures.move_place'), required: true },
                              { name: 'reason', label: t('investigation.seizures.move_reason'), required: true },
                              { name: 'handedTo', label: t('investigation.seizures.handed_to') },
                              {
                                name: 'orderRef',
                                label: t('investigation.seizures.order_ref'),
                                hint: t('investigation.seizures.order_hint'),
                              },
                            ]}
                            // The move starts where the item is as this page shows it; if someone moved it meanwhile the server refuses.
                            transform={(b) => ({ ...b, from: i.location })}
                            send={(b) => api.post(`/cases/${c.id}/items/${i.id}/moves`, b)}
                            onDone={() => after(t('investigation.saved'))}
                          />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </article>
        ))
      )}
      {canWrite && (
        <RecordForm
          id="sz"
          title={t('investigation.seizures.add')}
          intro={t('investigation.seizures.intro')}
          fields={[
            { name: 'seizedAt', label: t('investigation.seizures.at'), kind: 'datetime', hint: t('investigation.now_if_empty') },
            { name: 'place', label: t('investigation.seizures.place'), required: true },
            {
              name: 'searchKind',
              label: t('investigation.seizures.kind'),
              kind: 'select',
              required: true,
              options: (['search', 'recovery', 'production', 'other'] as const).map((k) => ({
                value: k,
                label: t(`investigation.seizures.kind.${k}`),
              })),
            },
            {
              name: 'fromPersonCode',
              label: t('investigation.seizures.from'),
              kind: 'select',
              options: c.persons.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` })),
            },
            {
              name: 'witnessLines',
              label: t('investigation.seizures.witnesses_label'),
              kind: 'lines',
              required: true,
              hint: t('investigation.seizures.witnesses_hint'),
            },
            {
              name: 'recording.documentId',
              label: t('investigation.seizures.recording_doc'),
              kind: 'select',
              options: c.documents.filter((d) => /^(audio|video)\//.test(d.contentType)).map((d) => ({ value: d.id, label: d.title })),
            },
            { name: 'recording.ref', label: t('investigation.seizures.recording_ref') },
            { name: 'recording.sha256', label: t('investigation.seizures.recording_sha') },
            { name: 'recordingAbsentReason', label: t('investigation.seizures.recording_absent'), kind: 'textarea' },
            {
              name: 'itemLines',
              label: t('investigation.seizures.items'),
              kind: 'lines',
              required: true,
              hint: t('investigation.seizures.items_hint'),
            },
          ]}
          transform={(b) => {
            const { witnessLines, itemLines, ...rest } = b as Record<string, unknown> & { witnessLines?: string[]; itemLines?: string[] };
            return {
              ...rest,
              witnesses: (witnessLines ?? []).map((w) => {
                const [name, ...address] = w.split(',');
                return { name: name.trim(), ...(address.length ? { address: address.join(',').trim() } : {}) };
              }),
              items: (itemLines ?? []).map(parseItemLine),
            };
          }}
          send={(b) => api.post(`/cases/${c.id}/seizures`, b)}
          onDone={(r) => {
            const a = (r as { alerts: PropertyAlert[] }).alerts;
            alerts.reload();
            after(
              a.length
                ? t('investigation.alerts.found', {
                    list: a.map((x) => `${x.value}: ${lang === 'hi' ? x.otherCaseTextHi : x.otherCaseText}`).join('; '),
                  })
                : t('investigation.saved'),
            );
          }}
        />
      )}
    </section>
  );
}

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).replace(/^data:[^,]*,/, ''));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

/** Files of the case with their SHA-256 (so a court can check a copy), and the upload. */
export function DocumentsSection({ c, canWriteAny, after }: SectionProps) {
  const { t, lang } = useT();
  const fileRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState('photo');
  const [title, setTitle] = useState('');
  const up = useAction(async () => {
    const file = fileRef.current?.files?.[0];
    if (!file || !title.trim())
      throw new ClientError('error.fix_fields', {
        ...(file ? {} : { contentBase64: 'common.required' }),
        ...(title.trim() ? {} : { title: 'common.required' }),
      });
    if (file.size > MAX_BYTES)
      throw new ClientError('investigation.documents.too_large', { contentBase64: 'investigation.documents.too_large' });
    return api.post<{ sha256: string }>(`/cases/${c.id}/documents`, {
      kind,
      title: title.trim(),
      fileName: file.name,
      contentBase64: await readAsBase64(file),
    });
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await up.run();
    if (r) {
      setTitle('');
      if (fileRef.current) fileRef.current.value = '';
      after(t('investigation.documents.uploaded', { sha: r.sha256 }));
    }
  };
  return (
    <section className="card" id="case-documents" aria-labelledby="case-documents-h">
      <h2 id="case-documents-h">{t('investigation.documents.title')}</h2>
      {c.documents.length === 0 ? (
        <p className="muted">{t('investigation.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-stack">
            <thead>
              <tr>
                <th scope="col">{t('investigation.documents.name')}</th>
                <th scope="col">{t('investigation.documents.type')}</th>
                <th scope="col">SHA-256</th>
                <th scope="col">{t('investigation.documents.uploaded_by')}</th>
              </tr>
            </thead>
            <tbody>
              {c.documents.map((d) => (
                <tr key={d.id}>
                  <td data-label={t('investigation.documents.name')}>
                    <a href={`${API_BASE}/cases/${c.id}/documents/${d.id}/content`} download={d.fileName}>
                      {d.title}
                    </a>
                    <div className="muted">{d.fileName}</div>
                  </td>
                  <td data-label={t('investigation.documents.type')}>
                    {t(`investigation.documents.kind.${d.kind}`)} · {d.contentType} · {formatNumber(Math.ceil(d.sizeBytes / 1024), lang)} KB
                  </td>
                  <td data-label="SHA-256">
                    <code className="hash">{d.sha256}</code>
                  </td>
                  <td data-label={t('investigation.documents.uploaded_by')}>
                    {d.uploadedByName}, {formatDateTime(d.uploadedAt, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canWriteAny && (
        <details className="record-form">
          <summary>{t('investigation.documents.add')}</summary>
          <form onSubmit={submit} noValidate>
            <ErrorAlert error={up.error} idPrefix="doc-" />
            <div className="form-grid">
              <SelectField
                id="doc-kind"
                label={t('investigation.documents.kind_label')}
                value={kind}
                onChange={(e) => setKind(e.target.value)}
              >
                {['photo', 'sketch', 'audio', 'video', 'document', 'report', 'search_recording', 'other'].map((k) => (
                  <option key={k} value={k}>
                    {t(`investigation.documents.kind.${k}`)}
                  </option>
                ))}
              </SelectField>
              <TextField
                id="doc-title"
                label={`${t('investigation.documents.name')} *`}
                value={title}
                onChange={(e) => setTitle(e.target.value)}
              />
              <div className="field">
                <label htmlFor="doc-contentBase64">{t('investigation.documents.file')} *</label>
                <div className="hint">{t('investigation.documents.file_hint')}</div>
                <input id="doc-contentBase64" type="file" ref={fileRef} accept="image/*,application/pdf,audio/*,video/*" />
              </div>
            </div>
            <div className="button-row">
              <Button type="submit" busy={up.busy}>
                {t('investigation.documents.upload')}
              </Button>
            </div>
          </form>
        </details>
      )}
    </section>
  );
}

/** Forensic requests and the laboratories' reports. */
export function ForensicSection({ c, canWriteAny, after }: SectionProps) {
  const { t, lang } = useT();
  const items = c.seizures.flatMap((s) => s.items);
  return (
    <section className="card" id="case-forensic" aria-labelledby="case-forensic-h">
      <h2 id="case-forensic-h">{t('investigation.forensic.title')}</h2>
      {c.forensicRequests.length === 0 ? (
        <p className="muted">{t('investigation.none')}</p>
      ) : (
        c.forensicRequests.map((f) => (
          <article key={f.id} className="panel">
            <h3>{t('investigation.forensic.request', { n: f.requestNo, lab: f.lab, when: formatDateTime(f.sentAt, lang) })}</h3>
            <p>{f.what}</p>
            {f.questions && <p className="muted">{f.questions}</p>}
            {f.reports.length === 0 ? (
              <Notice kind="info" live={false}>
                {t('investigation.forensic.awaited')}
              </Notice>
            ) : (
              <ul>
                {f.reports.map((r) => (
                  <li key={r.id}>
                    {formatDateTime(r.receivedAt, lang)}
                    {r.reportRef ? ` (${r.reportRef})` : ''}: {r.summary}
                  </li>
                ))}
              </ul>
            )}
            {canWriteAny && (
              <RecordForm
                id={`fr-${f.id}`}
                title={t('investigation.forensic.report_add')}
                fields={[
                  {
                    name: 'receivedAt',
                    label: t('investigation.forensic.received_at'),
                    kind: 'datetime',
                    hint: t('investigation.now_if_empty'),
                  },
                  { name: 'reportRef', label: t('investigation.forensic.report_ref') },
                  {
                    name: 'documentId',
                    label: t('investigation.forensic.report_file'),
                    kind: 'select',
                    options: c.documents.map((d) => ({ value: d.id, label: d.title })),
                  },
                  { name: 'summary', label: t('investigation.forensic.summary'), kind: 'textarea', required: true },
                ]}
                send={(b) => api.post(`/cases/${c.id}/forensic-requests/${f.id}/reports`, b)}
                onDone={() => after(t('investigation.saved'))}
              />
            )}
          </article>
        ))
      )}
      {canWriteAny && (
        <RecordForm
          id="fq"
          title={t('investigation.forensic.add')}
          fields={[
            { name: 'lab', label: t('investigation.forensic.lab'), required: true },
            { name: 'what', label: t('investigation.forensic.what'), kind: 'textarea', required: true },
            {
              name: 'itemNos',
              label: t('investigation.forensic.items'),
              kind: 'lines',
              hint: t('investigation.forensic.items_hint', { list: items.map((i) => `${i.itemNo}: ${i.description}`).join('; ') || '—' }),
            },
            { name: 'questions', label: t('investigation.forensic.questions'), kind: 'textarea' },
            { name: 'sentAt', label: t('investigation.forensic.sent_at'), kind: 'datetime', hint: t('investigation.now_if_empty') },
          ]}
          transform={(b) => ({
            ...b,
            ...(Array.isArray(b.itemNos) ? { itemNos: (b.itemNos as string[]).map(Number).filter((n) => n > 0) } : {}),
          })}
          send={(b) => api.post(`/cases/${c.id}/forensic-requests`, b)}
          onDone={() => after(t('investigation.saved'))}
        />
      )}
    </section>
  );
}

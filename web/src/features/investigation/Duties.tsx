import { useRef } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { Notice } from '../../components/ui.tsx';
import { useFetch } from '../../components/hooks.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { ClockBadge } from '../clocks/ClockTable.tsx';
import { newIdempotencyKey } from '../citizen/upload.ts';
import type { SectionProps } from './CasePage.tsx';
import { RecordForm } from './forms.tsx';

/** The shapes of the investigation-duties routes (server: modules/investigation-duties/routes.ts). */
interface ForensicVisit {
  id: string;
  visitNo: number;
  expertName: string;
  expertDesignation: string | null;
  labUnit: string;
  visitedAt: string;
  collected: string[];
  remarks: string | null;
  videoDocumentId: string | null;
  videoRef: string | null;
  videoAbsentReason: string | null;
  authorName: string;
}
interface MedicalExam {
  id: string;
  examNo: number;
  victimCode: string;
  practitionerName: string;
  practitionerRegNo: string | null;
  hospital: string;
  examinedAt: string;
  reportId: string | null;
  reportReceivedAt: string | null;
  reportRef: string | null;
}
interface FurtherInvestigation {
  id: string;
  orderNo: number;
  orderedOn: string;
  courtOrderRef: string;
  courtName: string | null;
  directions: string | null;
  events: {
    id: string;
    kind: 'extension' | 'completed';
    extendedTo: string | null;
    orderRef: string | null;
    completedAt: string | null;
    reportRef: string | null;
  }[];
}

/**
 * A fresh Idempotency-Key per form, kept until that form's record is made: a double click (or
 * a retry after a lost answer) records one, and the next record gets a new key.
 */
function useSubmissionKeys() {
  const keys = useRef(new Map<string, string>());
  return {
    headers: (form: string) => {
      if (!keys.current.has(form)) keys.current.set(form, newIdempotencyKey());
      return { headers: { 'Idempotency-Key': keys.current.get(form)! } };
    },
    done: (form: string) => keys.current.delete(form),
  };
}

/**
 * The duties of the investigation with a statutory flag or clock: the forensic expert's visit
 * to the scene (BNSS 176(3)), the rape victim's medical examination and its report within
 * seven days (BNSS 184(6)), and further investigation during the trial within ninety days of
 * the court's permission (BNSS 193(9)). The designated IO writes them; the clocks they drive
 * show with the case's others, and beside each record here.
 */
export function DutiesSection({ c, canWrite, canWriteAny, after }: SectionProps) {
  const { t, lang } = useT();
  const visits = useFetch<{ required: boolean; basis: string; items: ForensicVisit[] }>(`/cases/${c.id}/forensic-visits`);
  const exams = useFetch<{ applies: boolean; section: string | null; items: MedicalExam[] }>(`/cases/${c.id}/victim-medical-exams`);
  const further = useFetch<{ withTheCourt: boolean; items: FurtherInvestigation[] }>(`/cases/${c.id}/further-investigations`);
  const keys = useSubmissionKeys();
  const saved = (form: string) => () => {
    keys.done(form);
    visits.reload();
    exams.reload();
    further.reload();
    after(t('investigation.saved'));
  };
  const clockOf = (kind: string, subjectId?: string) => c.clocks.find((k) => k.kind === kind && (!subjectId || k.subjectId === subjectId));
  const docTitle = (id: string | null) => (id ? (c.documents.find((d) => d.id === id)?.title ?? id) : null);
  const docOptions = (type?: RegExp) =>
    c.documents.filter((d) => !type || type.test(d.contentType)).map((d) => ({ value: d.id, label: d.title }));
  const victims = c.persons.filter((p) => p.role === 'victim');
  const flag = clockOf('forensic_scene_visit');
  const open = further.data?.items.find((x) => !x.events.some((e) => e.kind === 'completed'));

  return (
    <section className="card" id="case-duties" aria-labelledby="case-duties-h" data-testid="case-duties">
      <h2 id="case-duties-h">{t('investigation.duties.title')}</h2>

      <h3>{t('investigation.duties.visit.title')}</h3>
      {flag && (
        <p data-testid="forensic-visit-flag">
          <ClockBadge status={flag.status} /> <span className="muted">{lang === 'hi' ? flag.basisHi : flag.basis}</span>
        </p>
      )}
      {visits.data && visits.data.required && visits.data.items.length === 0 && flag?.status === 'required' && (
        <Notice kind="warning" live={false}>
          {t('investigation.duties.visit.required')}
        </Notice>
      )}
      {visits.data && visits.data.items.length === 0 ? (
        <p className="muted">{t('investigation.none')}</p>
      ) : (
        <ul className="message-list">
          {visits.data?.items.map((v) => (
            <li key={v.id} data-testid="forensic-visit">
              <strong>
                {t('investigation.duties.visit.item', {
                  n: v.visitNo,
                  who: v.expertDesignation ? `${v.expertName}, ${v.expertDesignation}` : v.expertName,
                  lab: v.labUnit,
                  when: formatDateTime(v.visitedAt, lang),
                })}
              </strong>
              {v.collected.length > 0 && <p>{t('investigation.duties.visit.collected_list', { list: v.collected.join('; ') })}</p>}
              <p className="muted">
                {v.videoRef || v.videoDocumentId ? (
                  t('investigation.duties.visit.video', { ref: v.videoRef ?? docTitle(v.videoDocumentId) ?? '' })
                ) : (
                  <span className="badge badge-warn">
                    {t('investigation.duties.visit.no_video', { reason: v.videoAbsentReason ?? '' })}
                  </span>
                )}
              </p>
              {v.remarks && <p className="muted">{v.remarks}</p>}
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <RecordForm
          id="fv"
          title={t('investigation.duties.visit.add')}
          intro={t('investigation.duties.visit.intro')}
          fields={[
            { name: 'expertName', label: t('investigation.duties.visit.expert'), required: true },
            { name: 'expertDesignation', label: t('investigation.duties.visit.designation') },
            { name: 'labUnit', label: t('investigation.duties.visit.lab'), required: true },
            { name: 'visitedAt', label: t('investigation.duties.visit.at'), kind: 'datetime', hint: t('investigation.now_if_empty') },
            { name: 'collected', label: t('investigation.duties.visit.collected'), kind: 'lines', hint: t('investigation.one_per_line') },
            {
              name: 'videography.documentId',
              label: t('investigation.duties.visit.video_doc'),
              kind: 'select',
              options: docOptions(/^video\//),
            },
            { name: 'videography.ref', label: t('investigation.duties.visit.video_ref') },
            { name: 'videography.sha256', label: t('investigation.duties.visit.video_sha') },
            { name: 'videographyAbsentReason', label: t('investigation.duties.visit.video_absent'), kind: 'textarea' },
            { name: 'remarks', label: t('investigation.duties.remarks'), kind: 'textarea' },
          ]}
          send={(b) => api.post(`/cases/${c.id}/forensic-visits`, b, keys.headers('fv'))}
          onDone={saved('fv')}
        />
      )}

      {exams.data && (exams.data.applies || exams.data.items.length > 0) && (
        <>
          <h3>{t('investigation.duties.medical.title')}</h3>
          <p className="muted">{t('investigation.duties.medical.intro', { section: exams.data.section ?? '—' })}</p>
          {exams.data.items.length === 0 ? (
            <p className="muted">{t('investigation.none')}</p>
          ) : (
            exams.data.items.map((m) => {
              const k = clockOf('victim_medical_report_7d', m.id);
              return (
                <article key={m.id} className="panel" data-testid="medical-exam">
                  <p>
                    <strong>
                      {t('investigation.duties.medical.item', {
                        n: m.examNo,
                        victim: m.victimCode,
                        who: m.practitionerRegNo ? `${m.practitionerName} (${m.practitionerRegNo})` : m.practitionerName,
                        hospital: m.hospital,
                        when: formatDateTime(m.examinedAt, lang),
                      })}
                    </strong>{' '}
                    {k && <ClockBadge status={k.status} />}
                  </p>
                  {m.reportReceivedAt ? (
                    <p>
                      {t('investigation.duties.medical.received', {
                        when: formatDateTime(m.reportReceivedAt, lang),
                        ref: m.reportRef ?? '—',
                      })}
                    </p>
                  ) : (
                    <Notice kind="info" live={false}>
                      {t('investigation.duties.medical.awaited', { when: k ? formatDateTime(k.dueAt, lang) : '—' })}
                    </Notice>
                  )}
                  {canWriteAny && !m.reportId && (
                    <RecordForm
                      id={`mr-${m.id}`}
                      title={t('investigation.duties.medical.report_add')}
                      fields={[
                        {
                          name: 'receivedAt',
                          label: t('investigation.duties.medical.received_at'),
                          kind: 'datetime',
                          hint: t('investigation.now_if_empty'),
                        },
                        { name: 'reportRef', label: t('investigation.duties.medical.report_ref') },
                        { name: 'documentId', label: t('investigation.duties.report_file'), kind: 'select', options: docOptions() },
                      ]}
                      send={(b) => api.post(`/cases/${c.id}/victim-medical-exams/${m.id}/report`, b, keys.headers(`mr-${m.id}`))}
                      onDone={saved(`mr-${m.id}`)}
                    />
                  )}
                </article>
              );
            })
          )}
          {canWrite && exams.data.applies && (
            <RecordForm
              id="me"
              title={t('investigation.duties.medical.add')}
              fields={[
                {
                  name: 'victimCode',
                  label: t('investigation.duties.medical.victim'),
                  kind: 'select',
                  required: true,
                  options: victims.map((p) => ({ value: p.code, label: p.code })),
                  hint: victims.length ? undefined : t('investigation.duties.medical.no_victim'),
                },
                { name: 'practitionerName', label: t('investigation.duties.medical.practitioner'), required: true },
                { name: 'practitionerRegNo', label: t('investigation.duties.medical.reg_no') },
                { name: 'hospital', label: t('investigation.duties.medical.hospital'), required: true },
                {
                  name: 'examinedAt',
                  label: t('investigation.duties.medical.examined_at'),
                  kind: 'datetime',
                  hint: t('investigation.now_if_empty'),
                },
              ]}
              send={(b) => api.post(`/cases/${c.id}/victim-medical-exams`, b, keys.headers('me'))}
              onDone={saved('me')}
            />
          )}
        </>
      )}

      {further.data && (further.data.withTheCourt || further.data.items.length > 0) && (
        <>
          <h3>{t('investigation.duties.further.title')}</h3>
          {further.data.items.length === 0 ? (
            <p className="muted">{t('investigation.none')}</p>
          ) : (
            further.data.items.map((x) => {
              const k = clockOf('further_investigation_90d', x.id);
              const done = x.events.find((e) => e.kind === 'completed');
              return (
                <article key={x.id} className="panel" data-testid="further-investigation">
                  <p>
                    <strong>
                      {t('investigation.duties.further.item', {
                        n: x.orderNo,
                        ref: x.courtOrderRef,
                        court: x.courtName ?? '—',
                        date: formatDate(x.orderedOn, lang),
                      })}
                    </strong>{' '}
                    {k && <ClockBadge status={k.status} />}
                  </p>
                  {x.directions && <p>{x.directions}</p>}
                  {k && !done && <p className="muted">{t('investigation.duties.further.due', { when: formatDateTime(k.dueAt, lang) })}</p>}
                  {x.events.length > 0 && (
                    <ul>
                      {x.events.map((e) =>
                        e.kind === 'extension' ? (
                          <li key={e.id}>
                            {t('investigation.duties.further.extended', { date: formatDate(e.extendedTo, lang), ref: e.orderRef ?? '' })}
                          </li>
                        ) : (
                          <li key={e.id}>
                            {t('investigation.duties.further.completed', {
                              when: formatDateTime(e.completedAt, lang),
                              ref: e.reportRef ?? '',
                            })}
                          </li>
                        ),
                      )}
                    </ul>
                  )}
                  {canWriteAny && !done && (
                    <>
                      <RecordForm
                        id={`fe-${x.id}`}
                        title={t('investigation.duties.further.extend')}
                        fields={[
                          { name: 'extendedTo', label: t('investigation.duties.further.extended_to'), kind: 'date', required: true },
                          { name: 'courtOrderRef', label: t('investigation.duties.further.order_ref'), required: true },
                          {
                            name: 'orderedOn',
                            label: t('investigation.duties.further.ordered_on'),
                            kind: 'date',
                            hint: t('investigation.duties.today_if_empty'),
                          },
                        ]}
                        send={(b) => api.post(`/cases/${c.id}/further-investigations/${x.id}/extensions`, b, keys.headers(`fe-${x.id}`))}
                        onDone={saved(`fe-${x.id}`)}
                      />
                      <RecordForm
                        id={`fc-${x.id}`}
                        title={t('investigation.duties.further.complete')}
                        fields={[
                          {
                            name: 'completedAt',
                            label: t('investigation.duties.further.completed_at'),
                            kind: 'datetime',
                            hint: t('investigation.now_if_empty'),
                          },
                          { name: 'supplementaryReportRef', label: t('investigation.duties.further.report_ref'), required: true },
                          { name: 'documentId', label: t('investigation.duties.report_file'), kind: 'select', options: docOptions() },
                        ]}
                        send={(b) => api.post(`/cases/${c.id}/further-investigations/${x.id}/completion`, b, keys.headers(`fc-${x.id}`))}
                        onDone={saved(`fc-${x.id}`)}
                      />
                    </>
                  )}
                </article>
              );
            })
          )}
          {canWriteAny && further.data.withTheCourt && !open && (
            <RecordForm
              id="fi"
              title={t('investigation.duties.further.add')}
              intro={t('investigation.duties.further.intro')}
              fields={[
                {
                  name: 'orderedOn',
                  label: t('investigation.duties.further.ordered_on'),
                  kind: 'date',
                  hint: t('investigation.duties.today_if_empty'),
                },
                { name: 'courtOrderRef', label: t('investigation.duties.further.order_ref'), required: true },
                { name: 'courtName', label: t('investigation.duties.further.court') },
                { name: 'directions', label: t('investigation.duties.further.directions'), kind: 'textarea' },
              ]}
              send={(b) => api.post(`/cases/${c.id}/further-investigations`, b, keys.headers('fi'))}
              onDone={saved('fi')}
            />
          )}
        </>
      )}
    </section>
  );
}

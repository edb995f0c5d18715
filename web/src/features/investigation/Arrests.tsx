import { api } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import type { SectionProps } from './CasePage.tsx';
import { RecordForm } from './forms.tsx';

const OUTCOMES = ['sent_up', 'bailed', 'judicial_custody', 'police_custody'] as const;
const EVENT_KINDS = ['produced', 'remanded_police', 'remanded_judicial', 'bailed', 'released'] as const;

/** Arrest / court surrender memos (IIF-3), and what followed: production, remand, bail. */
export function ArrestsSection({ c, canWrite, canWriteAny, after }: SectionProps) {
  const { t, lang } = useT();
  const arrested = new Set(c.arrests.map((a) => a.personCode));
  const accused = c.persons.filter((p) => p.role === 'accused' && !arrested.has(p.code));
  return (
    <section className="card" id="case-arrests" aria-labelledby="case-arrests-h">
      <h2 id="case-arrests-h">{t('investigation.arrests.title')}</h2>
      {c.arrests.length === 0 ? (
        <p className="muted">{t('investigation.none')}</p>
      ) : (
        c.arrests.map((a) => (
          <article key={a.id} className="panel" data-testid="arrest">
            <h3>
              {a.personCode} {a.personName} — {t(`investigation.arrests.kind.${a.kind}`)}
              {a.juvenile && <span className="badge badge-warn"> {t('investigation.persons.juvenile')}</span>}
            </h3>
            <dl className="facts">
              <div>
                <dt>{t('investigation.arrests.when_where')}</dt>
                <dd>
                  {formatDateTime(a.arrestedAt, lang)}, {a.place}
                </dd>
              </div>
              <div>
                <dt>{t('investigation.arrests.grounds')}</dt>
                <dd>
                  {a.grounds}
                  {a.groundsGivenAt && (
                    <div className="muted">
                      {t('investigation.arrests.grounds_given', { when: formatDateTime(a.groundsGivenAt, lang) })}
                    </div>
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('investigation.arrests.informed')}</dt>
                <dd>
                  {a.informedName ? (
                    `${a.informedName}${a.informedRelation ? ` (${a.informedRelation})` : ''}, ${a.informedAt ? formatDateTime(a.informedAt, lang) : ''}`
                  ) : (
                    <span className="badge badge-warn">{t('investigation.arrests.not_informed')}</span>
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('investigation.arrests.medical')}</dt>
                <dd>
                  {a.medicalExaminedAt ? (
                    formatDateTime(a.medicalExaminedAt, lang)
                  ) : (
                    <span className="badge badge-warn">{t('investigation.arrests.no_medical')}</span>
                  )}
                </dd>
              </div>
              <div>
                <dt>{t('investigation.arrests.outcome')}</dt>
                <dd>{t(`investigation.arrests.outcome.${a.outcome}`)}</dd>
              </div>
              {a.necessityReason && (
                <div>
                  <dt>{t('investigation.arrests.necessity')}</dt>
                  <dd>{a.necessityReason}</dd>
                </div>
              )}
            </dl>
            {a.events.length > 0 && (
              <ol>
                {a.events.map((e) => (
                  <li key={e.id}>
                    {formatDateTime(e.at, lang)}: {t(`investigation.event.${e.kind}`)}
                    {e.courtName ? ` — ${e.courtName}` : ''}
                    {e.orderRef ? ` (${e.orderRef})` : ''}
                    {e.remandUntil ? ` · ${t('investigation.event.until', { date: formatDate(e.remandUntil, lang) })}` : ''}
                  </li>
                ))}
              </ol>
            )}
            {canWriteAny && (
              <RecordForm
                id={`ev-${a.id}`}
                title={t('investigation.event.add')}
                fields={[
                  {
                    name: 'kind',
                    label: t('investigation.event.kind'),
                    kind: 'select',
                    required: true,
                    options: EVENT_KINDS.map((k) => ({ value: k, label: t(`investigation.event.${k}`) })),
                  },
                  { name: 'at', label: t('investigation.event.at'), kind: 'datetime', hint: t('investigation.now_if_empty') },
                  { name: 'courtName', label: t('investigation.event.court') },
                  { name: 'orderRef', label: t('investigation.event.order') },
                  { name: 'remandUntil', label: t('investigation.event.remand_until'), kind: 'date' },
                  {
                    name: 'journeyMinutes',
                    label: t('investigation.event.journey'),
                    kind: 'number',
                    hint: t('investigation.event.journey_hint'),
                  },
                ]}
                send={(b) => api.post(`/cases/${c.id}/arrests/${a.id}/events`, b)}
                onDone={() => after(t('investigation.saved'))}
              />
            )}
          </article>
        ))
      )}
      {canWrite && accused.length > 0 && (
        <RecordForm
          id="ar"
          title={t('investigation.arrests.add')}
          intro={t('investigation.arrests.intro')}
          fields={[
            {
              name: 'personCode',
              label: t('investigation.arrests.accused'),
              kind: 'select',
              required: true,
              options: accused.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` })),
            },
            {
              name: 'kind',
              label: t('investigation.arrests.kind_label'),
              kind: 'select',
              required: true,
              options: (['arrest', 'court_surrender'] as const).map((k) => ({ value: k, label: t(`investigation.arrests.kind.${k}`) })),
            },
            { name: 'arrestedAt', label: t('investigation.arrests.at'), kind: 'datetime', hint: t('investigation.now_if_empty') },
            { name: 'place', label: t('investigation.arrests.place'), required: true },
            { name: 'grounds', label: t('investigation.arrests.grounds'), kind: 'textarea', required: true, hint: 'BNSS 47' },
            {
              name: 'groundsGivenAt',
              label: t('investigation.arrests.grounds_at'),
              kind: 'datetime',
              hint: t('investigation.arrests.grounds_at_hint'),
            },
            { name: 'bailRightInformed', label: t('investigation.arrests.bail_right'), kind: 'checkbox' },
            { name: 'informed.name', label: t('investigation.arrests.informed_name'), hint: 'BNSS 48' },
            { name: 'informed.relation', label: t('investigation.arrests.informed_relation') },
            { name: 'informed.mode', label: t('investigation.arrests.informed_mode') },
            { name: 'informed.at', label: t('investigation.arrests.informed_at'), kind: 'datetime' },
            { name: 'medical.examiner', label: t('investigation.arrests.medical_by'), hint: 'BNSS 53' },
            { name: 'medical.examinedAt', label: t('investigation.arrests.medical_at'), kind: 'datetime' },
            { name: 'witness.name', label: t('investigation.arrests.witness'), hint: 'BNSS 36' },
            { name: 'countersigned', label: t('investigation.arrests.countersigned'), kind: 'checkbox' },
            {
              name: 'necessityReason',
              label: t('investigation.arrests.necessity'),
              kind: 'textarea',
              hint: t('investigation.arrests.necessity_hint'),
            },
            {
              name: 'outcome',
              label: t('investigation.arrests.outcome'),
              kind: 'select',
              required: true,
              options: OUTCOMES.map((o) => ({ value: o, label: t(`investigation.arrests.outcome.${o}`) })),
            },
            { name: 'bailedAt', label: t('investigation.arrests.bailed_at'), kind: 'datetime' },
            { name: 'courtName', label: t('investigation.event.court') },
          ]}
          transform={(b) => {
            // Nested groups are sent only when their required part is given.
            const x = { ...b } as Record<string, { name?: string; mode?: string; examiner?: string } | unknown>;
            const informed = x.informed as { name?: string; mode?: string } | undefined;
            if (informed && !informed.name) delete x.informed;
            else if (informed && !informed.mode) informed.mode = 'phone';
            const medical = x.medical as { examiner?: string } | undefined;
            if (medical && !medical.examiner) delete x.medical;
            const witness = x.witness as { name?: string } | undefined;
            if (witness && !witness.name) delete x.witness;
            return x as Record<string, unknown>;
          }}
          send={(b) => api.post(`/cases/${c.id}/arrests`, b)}
          onDone={(r) => {
            const w = (r as { warnings: { message: string }[] }).warnings ?? [];
            after(
              w.length
                ? `${t('investigation.arrests.added')} ${t('investigation.arrests.missing', { list: w.map((x) => x.message).join(' ') })}`
                : t('investigation.arrests.added'),
            );
          }}
        />
      )}
    </section>
  );
}

/** Notices of appearance (BNSS 35(3)) and progress notices to the informant (BNSS 193(3)(ii)). */
export function NoticesSection({ c, canWrite, canWriteAny, after }: SectionProps) {
  const { t, lang } = useT();
  const arrested = new Set(c.arrests.map((a) => a.personCode));
  const candidates = c.persons.filter((p) => (p.role === 'accused' || p.role === 'suspect') && !arrested.has(p.code));
  return (
    <section className="card" id="case-notices" aria-labelledby="case-notices-h">
      <h2 id="case-notices-h">{t('investigation.notices.title')}</h2>
      <h3>{t('investigation.notices.appearance')}</h3>
      {c.appearanceNotices.length === 0 ? (
        <p className="muted">{t('investigation.none')}</p>
      ) : (
        <ul>
          {c.appearanceNotices.map((n) => (
            <li key={n.id}>
              {t('investigation.notices.appearance_item', {
                n: n.noticeNo,
                person: `${n.personCode} ${n.personName}`,
                when: formatDateTime(n.appearAt, lang),
                place: n.appearPlace,
              })}
            </li>
          ))}
        </ul>
      )}
      {canWrite && candidates.length > 0 && (
        <RecordForm
          id="an"
          title={t('investigation.notices.appearance_add')}
          intro={t('investigation.notices.appearance_intro')}
          fields={[
            {
              name: 'personCode',
              label: t('investigation.arrests.accused'),
              kind: 'select',
              required: true,
              options: candidates.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` })),
            },
            { name: 'appearAt', label: t('investigation.notices.appear_at'), kind: 'datetime', required: true },
            { name: 'appearPlace', label: t('investigation.notices.appear_place'), required: true },
            { name: 'servedHow', label: t('investigation.notices.served_how'), required: true },
            { name: 'conditions', label: t('investigation.notices.conditions'), kind: 'textarea' },
          ]}
          send={(b) => api.post(`/cases/${c.id}/appearance-notices`, b)}
          onDone={() => after(t('investigation.saved'))}
        />
      )}
      <h3>{t('investigation.notices.progress')}</h3>
      {c.progressNotices.length === 0 ? (
        <p className="muted">{t('investigation.notices.progress_none')}</p>
      ) : (
        <ul>
          {c.progressNotices.map((n) => (
            <li key={n.id}>
              {formatDateTime(n.sentAt, lang)}: {n.recipientName} ({n.channels.join(', ')}) — {lang === 'hi' ? n.textHi : n.textEn}
            </li>
          ))}
        </ul>
      )}
      {canWriteAny && (
        <RecordForm
          id="pn"
          title={t('investigation.notices.progress_add')}
          intro={t('investigation.notices.progress_intro')}
          initial={{ recipient: 'informant' }}
          fields={[
            {
              name: 'recipient',
              label: t('investigation.notices.recipient'),
              kind: 'select',
              required: true,
              options: [
                { value: 'informant', label: t('investigation.notices.informant') },
                { value: 'victim', label: t('investigation.notices.victim') },
              ],
            },
            {
              name: 'victimCode',
              label: t('investigation.notices.victim_code'),
              kind: 'select',
              options: c.persons.filter((p) => p.role === 'victim').map((p) => ({ value: p.code, label: `${p.code} ${p.name}` })),
            },
            { name: 'text', label: t('investigation.notices.text_en'), kind: 'textarea', hint: t('investigation.notices.text_hint') },
            { name: 'textHi', label: t('investigation.notices.text_hi'), kind: 'textarea' },
            {
              name: 'deliveredBy',
              label: t('investigation.notices.delivered_by'),
              kind: 'select',
              options: [
                { value: 'in_person', label: t('investigation.notices.in_person') },
                { value: 'post', label: t('investigation.notices.post') },
              ],
            },
          ]}
          send={(b) => api.post(`/cases/${c.id}/progress-notices`, b)}
          onDone={() => after(t('investigation.notices.progress_sent'))}
        />
      )}
    </section>
  );
}

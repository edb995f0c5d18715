import { api } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format.ts';
import type { SectionProps } from './CasePage.tsx';
import { AddPersonForm } from './AddPersonForm.tsx';
import { RecordForm } from './forms.tsx';

/** "Gold chain | MP04AB1234 | 356938035643809" → a property with its identifiers. */
export function parsePropertyLine(line: string) {
  const [description, regNo, imei, value] = line.split('|').map((x) => x.trim());
  return {
    description,
    ...(regNo ? { regNo } : {}),
    ...(imei ? { imei: imei.split(/[ ,]+/).filter(Boolean) } : {}),
    ...(value && !Number.isNaN(Number(value)) ? { value: Number(value) } : {}),
  };
}

/** Persons in the case: complainant, victims, accused A1…, suspects, witnesses W1…, each linked to the person index. */
export function PersonsSection({ c, canWrite, after }: SectionProps) {
  const { t } = useT();
  return (
    <section className="card" id="case-persons" aria-labelledby="case-persons-h">
      <h2 id="case-persons-h">{t('investigation.persons.title')}</h2>
      {c.persons.length === 0 ? (
        <p className="muted">{t('investigation.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-stack" data-testid="persons">
            <thead>
              <tr>
                <th scope="col">{t('investigation.persons.code')}</th>
                <th scope="col">{t('investigation.persons.name')}</th>
                <th scope="col">{t('investigation.persons.role')}</th>
                <th scope="col">{t('investigation.persons.details')}</th>
              </tr>
            </thead>
            <tbody>
              {c.persons.map((p) => (
                <tr key={p.id}>
                  <td data-label={t('investigation.persons.code')}>
                    <strong>{p.code}</strong>
                  </td>
                  <td data-label={t('investigation.persons.name')}>
                    <Link to={`/people/${p.personId}`}>{p.name}</Link>
                    {p.fatherName && <div className="muted">{t('investigation.persons.father_of', { name: p.fatherName })}</div>}
                  </td>
                  <td data-label={t('investigation.persons.role')}>
                    {t(`investigation.role.${p.role}`)}{' '}
                    {p.juvenile && <span className="badge badge-warn">{t('investigation.persons.juvenile')}</span>}
                  </td>
                  <td data-label={t('investigation.persons.details')}>
                    {[
                      p.sex ? t(`investigation.sex.${p.sex}`) : null,
                      p.ageYears !== null ? t('investigation.persons.age_n', { n: p.ageYears }) : null,
                      p.address,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canWrite && <AddPersonForm c={c} onDone={(r) => after(t('investigation.persons.added', { code: r.code }))} />}
    </section>
  );
}

/** The case diary (BNSS 192): numbered, never edited; a correction is a new entry. */
export function DiarySection({ c, canWrite, after }: SectionProps) {
  const { t, lang } = useT();
  return (
    <section className="card" id="case-diary" aria-labelledby="case-diary-h">
      <h2 id="case-diary-h">{t('investigation.diary.title')}</h2>
      <p className="muted">{t('investigation.diary.basis')}</p>
      {c.diary.length === 0 ? (
        <p className="muted">{t('investigation.none')}</p>
      ) : (
        <ol className="message-list" data-testid="diary">
          {c.diary.map((d) => (
            <li key={d.id} id={`diary-${d.entryNo}`}>
              <strong>{t('investigation.diary.entry', { n: d.entryNo, date: formatDate(d.diaryDate, lang) })}</strong>{' '}
              <span className="muted">
                {t('investigation.diary.times', { from: formatDateTime(d.startedAt, lang), to: formatDateTime(d.closedAt, lang) })} ·{' '}
                {d.authorName}
              </span>
              {d.correctsId && (
                <p className="muted">
                  {t('investigation.diary.corrects', { n: c.diary.find((x) => x.id === d.correctsId)?.entryNo ?? '?' })}
                </p>
              )}
              {d.placesVisited.length > 0 && <p>{t('investigation.diary.places', { places: d.placesVisited.join('; ') })}</p>}
              <p>{d.circumstances}</p>
            </li>
          ))}
        </ol>
      )}
      {canWrite && (
        <RecordForm
          id="di"
          title={t('investigation.diary.add')}
          fields={[
            { name: 'startedAt', label: t('investigation.diary.started'), kind: 'datetime', hint: t('investigation.now_if_empty') },
            { name: 'closedAt', label: t('investigation.diary.closed'), kind: 'datetime', hint: t('investigation.now_if_empty') },
            { name: 'placesVisited', label: t('investigation.diary.places_label'), kind: 'lines', hint: t('investigation.one_per_line') },
            { name: 'circumstances', label: t('investigation.diary.circumstances'), kind: 'textarea', required: true },
            {
              name: 'correctsId',
              label: t('investigation.diary.corrects_label'),
              kind: 'select',
              options: c.diary.map((d) => ({
                value: d.id,
                label: t('investigation.diary.entry', { n: d.entryNo, date: formatDate(d.diaryDate, lang) }),
              })),
            },
          ]}
          send={(b) => api.post(`/cases/${c.id}/diary`, b)}
          onDone={(r) => after(t('investigation.diary.added', { n: (r as { entryNo: number }).entryNo }))}
        />
      )}
    </section>
  );
}

/** Crime details (IIF-2): a working form saved with its version (a stale save is refused). */
export function CrimeDetailsSection({ c, canWrite, after }: SectionProps) {
  const { t, lang } = useT();
  const d = c.crimeDetails;
  const initial: Record<string, string> = d
    ? {
        majorHeadCode: d.majorHeadCode ?? '',
        minorHeadCode: d.minorHeadCode ?? '',
        moCodes: d.moCodes.join('\n'),
        moText: d.moText ?? '',
        placeType: d.placeType ?? '',
        sceneLat: d.sceneLat === null ? '' : String(d.sceneLat),
        sceneLng: d.sceneLng === null ? '' : String(d.sceneLng),
        sceneDescription: d.sceneDescription ?? '',
        propertyLines: d.properties
          .map((p) => [p.description, p.regNo ?? '', (p.imei ?? []).join(' '), p.value ?? ''].join(' | '))
          .join('\n'),
        weaponLines: d.weapons.map((w) => w.description).join('\n'),
        vehicleLines: d.vehicles.map((v) => [v.description, v.regNo ?? ''].join(' | ')).join('\n'),
        motive: d.motive ?? '',
      }
    : {};
  return (
    <section className="card" id="case-crime" aria-labelledby="case-crime-h">
      <h2 id="case-crime-h">{t('investigation.crime.title')}</h2>
      {!d ? (
        <p className="muted">{t('investigation.crime.none')}</p>
      ) : (
        <dl className="facts">
          <div>
            <dt>{t('investigation.crime.heads')}</dt>
            <dd>{[d.majorHeadCode, d.minorHeadCode].filter(Boolean).join(' / ') || '—'}</dd>
          </div>
          <div>
            <dt>{t('investigation.crime.mo')}</dt>
            <dd>{[d.moCodes.join(', '), d.moText].filter(Boolean).join(' — ') || '—'}</dd>
          </div>
          <div>
            <dt>{t('investigation.crime.scene')}</dt>
            <dd>
              {[d.placeType, d.sceneDescription].filter(Boolean).join(': ') || '—'}
              {d.sceneLat !== null && d.sceneLng !== null && (
                <div className="muted">
                  GPS {d.sceneLat}, {d.sceneLng}
                </div>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('investigation.crime.property')}</dt>
            <dd>
              {d.properties.length
                ? d.properties.map((p, i) => (
                    <div key={i}>
                      {p.description}
                      {p.value !== undefined ? ` — ₹${formatNumber(p.value, lang)}` : ''}
                      {p.regNo ? ` · ${p.regNo}` : ''}
                      {p.imei?.length ? ` · IMEI ${p.imei.join(', ')}` : ''}
                    </div>
                  ))
                : '—'}
            </dd>
          </div>
          <div>
            <dt>{t('investigation.crime.weapons')}</dt>
            <dd>{d.weapons.map((w) => w.description).join('; ') || '—'}</dd>
          </div>
          <div>
            <dt>{t('investigation.crime.vehicles')}</dt>
            <dd>{d.vehicles.map((v) => [v.description, v.regNo].filter(Boolean).join(' ')).join('; ') || '—'}</dd>
          </div>
          <div>
            <dt>{t('investigation.crime.motive')}</dt>
            <dd>{d.motive ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('investigation.crime.version')}</dt>
            <dd>{t('investigation.crime.version_by', { v: d.version, by: d.updatedByName, when: formatDateTime(d.updatedAt, lang) })}</dd>
          </div>
        </dl>
      )}
      {canWrite && (
        <RecordForm
          key={d?.version ?? 0}
          id="cd"
          title={d ? t('investigation.crime.edit') : t('investigation.crime.add')}
          initial={initial}
          fields={[
            { name: 'majorHeadCode', label: t('investigation.crime.major'), hint: t('investigation.crime.head_hint') },
            { name: 'minorHeadCode', label: t('investigation.crime.minor') },
            { name: 'moCodes', label: t('investigation.crime.mo_codes'), kind: 'lines', hint: t('investigation.crime.mo_hint') },
            { name: 'moText', label: t('investigation.crime.mo_text'), kind: 'textarea' },
            { name: 'placeType', label: t('investigation.crime.place_type') },
            { name: 'sceneLat', label: t('investigation.crime.lat'), kind: 'number' },
            { name: 'sceneLng', label: t('investigation.crime.lng'), kind: 'number' },
            { name: 'sceneDescription', label: t('investigation.crime.scene_description'), kind: 'textarea' },
            {
              name: 'propertyLines',
              label: t('investigation.crime.property'),
              kind: 'lines',
              hint: t('investigation.crime.property_hint'),
            },
            { name: 'weaponLines', label: t('investigation.crime.weapons'), kind: 'lines', hint: t('investigation.one_per_line') },
            { name: 'vehicleLines', label: t('investigation.crime.vehicles'), kind: 'lines', hint: t('investigation.crime.vehicle_hint') },
            { name: 'motive', label: t('investigation.crime.motive') },
          ]}
          transform={(b) => {
            const { propertyLines, weaponLines, vehicleLines, ...rest } = b as Record<string, unknown> & {
              propertyLines?: string[];
              weaponLines?: string[];
              vehicleLines?: string[];
            };
            return {
              ...rest,
              ...(d ? { version: d.version } : {}),
              propertyItems: (propertyLines ?? []).map(parsePropertyLine),
              weapons: (weaponLines ?? []).map((w) => ({ description: w })),
              vehicles: (vehicleLines ?? []).map((v) => {
                const [description, regNo] = v.split('|').map((x) => x.trim());
                return { description, ...(regNo ? { regNo } : {}) };
              }),
            };
          }}
          send={(b) => api.put(`/cases/${c.id}/crime-details`, b)}
          onDone={(r) => {
            const alerts = (r as { alerts: { otherCaseText: string; otherCaseTextHi: string; value: string }[] }).alerts;
            after(
              alerts.length
                ? t('investigation.alerts.found', {
                    list: alerts.map((a) => `${a.value}: ${lang === 'hi' ? a.otherCaseTextHi : a.otherCaseText}`).join('; '),
                  })
                : t('investigation.saved'),
            );
          }}
        />
      )}
    </section>
  );
}

/** Statements (BNSS 180), with the woman-officer rule of BNSS 180(3). */
export function StatementsSection({ c, canWrite, after }: SectionProps) {
  const { t, lang } = useT();
  return (
    <section className="card" id="case-statements" aria-labelledby="case-statements-h">
      <h2 id="case-statements-h">{t('investigation.statements.title')}</h2>
      {c.statements.length === 0 ? (
        <p className="muted">{t('investigation.none')}</p>
      ) : (
        <ul className="message-list">
          {c.statements.map((s) => (
            <li key={s.id}>
              <strong>
                {t('investigation.statements.no', { n: s.statementNo })} — {s.personCode} {s.personName}
              </strong>{' '}
              <span className="muted">
                {formatDateTime(s.recordedAt, lang)} · {s.place} · {s.recordingOfficerName ?? s.authorName}
              </span>
              {s.womanOfficerRequired && <span className="badge badge-ok">{t('investigation.statements.woman_officer')}</span>}
              <p lang={s.language === 'hi' ? 'hi' : s.language === 'en' ? 'en' : undefined}>{s.text}</p>
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <RecordForm
          id="st"
          title={t('investigation.statements.add')}
          fields={[
            {
              name: 'personCode',
              label: t('investigation.statements.person'),
              kind: 'select',
              required: true,
              options: c.persons.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` })),
            },
            {
              name: 'recordedAt',
              label: t('investigation.statements.recorded_at'),
              kind: 'datetime',
              hint: t('investigation.now_if_empty'),
            },
            { name: 'place', label: t('investigation.statements.place'), required: true },
            {
              name: 'language',
              label: t('investigation.statements.language'),
              kind: 'select',
              required: true,
              options: [
                { value: 'hi', label: 'हिन्दी' },
                { value: 'en', label: 'English' },
                { value: 'other', label: t('investigation.statements.other_language') },
              ],
            },
            { name: 'text', label: t('investigation.statements.text'), kind: 'textarea', required: true },
            {
              name: 'mediaDocumentId',
              label: t('investigation.statements.media'),
              kind: 'select',
              options: c.documents.filter((d) => /^(audio|video)\//.test(d.contentType)).map((d) => ({ value: d.id, label: d.title })),
            },
            {
              name: 'recordedByWomanOfficer',
              label: t('investigation.statements.by_woman'),
              kind: 'checkbox',
              hint: t('investigation.statements.by_woman_hint'),
            },
            { name: 'recordingOfficerName', label: t('investigation.statements.officer') },
          ]}
          send={(b) => api.post(`/cases/${c.id}/statements`, b)}
          onDone={() => after(t('investigation.saved'))}
        />
      )}
    </section>
  );
}

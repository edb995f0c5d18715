import { useState } from 'react';
import { api } from '../../api.ts';
import { localName, useT } from '../../i18n/index.tsx';
import { Link, navigate, queryString, useParams } from '../../router.tsx';
import { Button, ErrorAlert, Facts, Loading, Notice, Page, SelectField, TextArea, TextField } from '../../components/ui.tsx';
import { useAction, useFetch } from '../../components/hooks.ts';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { can } from '../../policy.ts';
import { useSession } from '../../session.tsx';
import type { CriminalRecord, PersonView, SearchResult, SheetView } from './types.ts';
import { PersonFlags, ageText } from './bits.tsx';
import { Why } from './Why.tsx';
import { PersonDetailForms } from './PersonDetails.tsx';
import { stageLabel } from '../firs/labels.ts';

/**
 * A person's record: names in both scripts, addresses with history, documents (masked), marks,
 * photographs; the criminal record summary (antecedents) across the state; history sheets; and,
 * for an SHO or above, merging a duplicate record into this one or undoing a merge.
 */
export default function PersonPage() {
  const { t, lang } = useT();
  const { id } = useParams();
  const { user } = useSession();
  const p = useFetch<PersonView>(`/people/${id}`);
  const rec = useFetch<CriminalRecord>(`/people/${id}/record`);
  const sheets = useFetch<{
    sheets: SheetView[];
    elsewhere: { id: string; status: string; offenderClass: string; stationName: string; openedAt: string }[];
  }>(user && can(user.role, 'history_sheet.read') ? `/people/${id}/history-sheets` : null);
  if (p.loading && !p.data) return <Loading />;
  if (!p.data) return <ErrorAlert error={p.error} />;
  const v = p.data;
  const reload = () => {
    p.reload();
    rec.reload();
    sheets.reload();
  };
  return (
    <Page title={v.name} actions={<Link to="/people">{t('people.search.title')}</Link>}>
      {v.requestedId && <Notice kind="warning">{t('people.merged_notice')}</Notice>}
      <PersonFlags p={v.summary} />
      <Facts
        items={[
          [t('people.name_hi'), v.nameHi ? <span lang="hi">{v.nameHi}</span> : '—'],
          [t('people.father'), v.fatherName ?? '—'],
          [t('people.mother'), v.motherName ?? '—'],
          [t('people.spouse'), v.spouseName ?? '—'],
          [t('people.sex'), v.sex ? t(`people.sex.${v.sex}`) : '—'],
          [t('people.age'), ageText(v, t)],
          [t('people.height'), v.heightCm ? `${v.heightCm} cm` : '—'],
          [t('people.build'), v.build ? t(`people.build.${v.build}`) : '—'],
          [t('people.complexion'), v.complexion ? t(`people.complexion.${v.complexion}`) : '—'],
          [t('people.occupation'), v.occupation ?? '—'],
          [t('people.notes'), v.notes ?? '—'],
        ]}
      />

      <h2>{t('people.names')}</h2>
      <ul>
        {v.names.map((n) => (
          <li key={n.id}>
            {n.name}{' '}
            <span className="muted">
              ({t(`people.name_kind.${n.kind}`)} · {n.normalised})
            </span>
          </li>
        ))}
      </ul>

      <h2>{t('people.record.title')}</h2>
      <ErrorAlert error={rec.error} />
      {rec.data && (
        <>
          <p role="status">{t('people.record.counts', rec.data.counts)}</p>
          {rec.data.accused.length > 0 && (
            <div className="table-wrap">
              <table className="table table-stack" data-testid="antecedents">
                <caption className="sr-only">{t('people.record.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('people.record.fir')}</th>
                    <th scope="col">{t('people.record.station')}</th>
                    <th scope="col">{t('people.record.sections')}</th>
                    <th scope="col">{t('people.record.stage')}</th>
                    <th scope="col">{t('people.record.result')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rec.data.accused.map((c) => (
                    <tr key={`${c.firId}-${c.role}`}>
                      <td data-label={t('people.record.fir')}>
                        <Link to={`/cases/${c.firId}`}>{c.firNumber}</Link>{' '}
                        <span className="muted">{formatDate(c.registeredAt, lang)}</span>
                        {c.code && <div className="muted">{c.code}</div>}
                      </td>
                      <td data-label={t('people.record.station')}>
                        {localName(lang, { name: c.stationName, nameHi: c.stationNameHi })} <span className="muted">{c.districtName}</span>
                      </td>
                      <td data-label={t('people.record.sections')}>{c.sections.map((s) => `${s.act} ${s.section}`).join(', ')}</td>
                      <td data-label={t('people.record.stage')}>{stageLabel(c.stage, lang)}</td>
                      <td data-label={t('people.record.result')}>
                        {c.result ? t(`people.result.${c.result}`) : t('people.result.pending')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {rec.data.otherRoles.length > 0 && (
            <p>
              {t('people.record.other_roles')}:{' '}
              {rec.data.otherRoles.map((c) => (
                <span key={`${c.firId}-${c.role}`}>
                  <Link to={`/cases/${c.firId}`}>{c.firNumber}</Link> ({t(`people.role.${c.role}`)}, {c.stationCode}){' '}
                </span>
              ))}
            </p>
          )}
        </>
      )}

      {sheets.data && (
        <>
          <h2>{t('people.sheets.title')}</h2>
          {sheets.data.sheets.length === 0 && sheets.data.elsewhere.length === 0 && <p className="muted">{t('people.sheets.none')}</p>}
          <ul>
            {sheets.data.sheets.map((s) => (
              <li key={s.id}>
                <Link to={`/history-sheets/${s.id}`}>
                  {t('people.sheets.item', {
                    no: s.sheetNo,
                    station: localName(lang, { name: s.stationName, nameHi: s.stationNameHi }),
                    cls: s.offenderClass,
                  })}
                </Link>{' '}
                <span className={`badge ${s.status === 'open' ? 'badge-bad' : 'badge-neutral'}`}>
                  {t(`people.sheets.status.${s.status}`)}
                </span>
              </li>
            ))}
            {sheets.data.elsewhere.map((s) => (
              <li key={s.id}>
                {t('people.sheets.elsewhere', { station: s.stationName, cls: s.offenderClass })}{' '}
                <span className="badge badge-neutral">{t(`people.sheets.status.${s.status}`)}</span>
              </li>
            ))}
          </ul>
          {user && can(user.role, 'history_sheet.manage') && !v.summary.openHistorySheet && (
            <OpenSheet personId={v.id} onDone={(sid) => navigate(`/history-sheets/${sid}`)} />
          )}
        </>
      )}

      <h2>{t('people.addresses')}</h2>
      <ul data-testid="person-addresses">
        {v.addresses.map((a) => (
          <li key={a.id}>
            {a.address} {a.district_name && <span className="muted">({a.district_name})</span>}{' '}
            <span className="muted">
              {t(`people.address_kind.${a.kind}`)}
              {a.to_date ? ` · ${t('people.until', { date: formatDate(a.to_date, lang) })}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <Facts
        items={[
          [t('people.phone'), <span data-testid="person-phones">{v.phones.map((x) => x.phone).join(', ') || '—'}</span>],
          [
            t('people.doc.title'),
            <span data-testid="person-documents">
              {v.identityDocuments.map((d) => `${t(`people.doc.${d.type}`)} ${d.numberMasked}`).join('; ') || '—'}
            </span>,
          ],
          [
            t('people.marks'),
            <span data-testid="person-marks">
              {v.marks.map((m) => `${t(`people.mark.${m.kind}`)}: ${m.description}${m.bodyPart ? ` (${m.bodyPart})` : ''}`).join('; ') ||
                '—'}
            </span>,
          ],
        ]}
      />
      {v.photos.length > 0 && (
        <div className="button-row">
          {v.photos.map((ph) => (
            <figure key={ph.id}>
              <img src={`/api/v1/people/${v.id}/photos/${ph.id}`} alt={ph.caption ?? t('people.photo')} width={120} />
              <figcaption className="muted">{ph.caption ?? ''}</figcaption>
            </figure>
          ))}
        </div>
      )}
      {user && can(user.role, 'people.write') && !v.mergedIntoId && (
        <>
          <PersonDetailForms v={v} onSaved={(x) => p.setData(x)} onStale={p.reload} />
          <AddAlias personId={v.id} onDone={reload} />
        </>
      )}
      {user && can(user.role, 'registers.manage') && !v.mergedIntoId && !v.summary.wanted && (
        <p>
          <Link to={`/registers${queryString({ tab: 'wanted', person: v.id })}`}>{t('people.wanted.enter_link')}</Link>
        </p>
      )}
      {user && can(user.role, 'people.merge') && <MergePanel v={v} onDone={reload} />}
      <p className="muted">{t('people.audited', { at: formatDateTime(new Date(), lang) })}</p>
    </Page>
  );
}

function AddAlias({ personId, onDone }: { personId: string; onDone: () => void }) {
  const { t } = useT();
  const [name, setName] = useState('');
  const act = useAction(async () => {
    await api.post(`/people/${personId}/names`, { name, kind: 'alias' });
    setName('');
    onDone();
  });
  return (
    <details>
      <summary>{t('people.alias.add')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void act.run();
        }}
      >
        <ErrorAlert error={act.error} />
        <TextField id="pp-alias" label={t('people.alias.name')} value={name} onChange={(e) => setName(e.target.value)} />
        <Button type="submit" busy={act.busy}>
          {t('people.alias.save')}
        </Button>
      </form>
    </details>
  );
}

function OpenSheet({ personId, onDone }: { personId: string; onDone: (id: string) => void }) {
  const { t } = useT();
  const [cls, setCls] = useState('B');
  const [reason, setReason] = useState('');
  const [mo, setMo] = useState('');
  const act = useAction(async () => {
    const s = await api.post<SheetView>('/history-sheets', { personId, offenderClass: cls, reason, modusOperandi: mo || undefined });
    onDone(s.id);
  });
  return (
    <details>
      <summary>{t('people.sheets.open')}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void act.run();
        }}
      >
        <ErrorAlert error={act.error} />
        <SelectField id="hs-class" label={t('people.sheets.class')} value={cls} onChange={(e) => setCls(e.target.value)}>
          {['A', 'B', 'rowdy', 'other'].map((c) => (
            <option key={c} value={c}>
              {t(`people.sheets.class_${c}`)}
            </option>
          ))}
        </SelectField>
        <TextArea
          id="hs-reason"
          label={`${t('people.sheets.reason')} *`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
        />
        <TextArea id="hs-mo" label={t('people.sheets.mo')} value={mo} onChange={(e) => setMo(e.target.value)} rows={2} />
        <Button type="submit" busy={act.busy}>
          {t('people.sheets.open_button')}
        </Button>
      </form>
    </details>
  );
}

/** Merge a duplicate into this record (found by name), or undo an earlier merge. SHO or above; audited. */
function MergePanel({ v, onDone }: { v: PersonView; onDone: () => void }) {
  const { t } = useT();
  const [q, setQ] = useState(v.name);
  const [other, setOther] = useState<SearchResult | undefined>();
  const [reason, setReason] = useState('');
  const found = useFetch<{ results: SearchResult[] }>(q.trim().length >= 2 ? `/people/search?q=${encodeURIComponent(q)}&limit=10` : null);
  const merge = useAction(async () => {
    if (!other) return;
    await api.post(`/people/${v.id}/merge`, { otherId: other.person.id, reason });
    setOther(undefined);
    setReason('');
    onDone();
  });
  const unmerge = useAction(async (mergedId: string, why: string) => {
    await api.post(`/people/${mergedId}/unmerge`, { reason: why });
    onDone();
  });
  const active = v.merges.filter((m) => m.survivorId === v.id && !m.unmergedAt);
  if (v.mergedIntoId) return null;
  return (
    <section aria-labelledby="merge-h" className="panel">
      <h2 id="merge-h">{t('people.merge.title')}</h2>
      <p className="muted">{t('people.merge.intro')}</p>
      <ErrorAlert error={merge.error ?? unmerge.error} />
      {active.length > 0 && (
        <ul>
          {active.map((m) => (
            <li key={m.id}>
              <Link to={`/people/${m.mergedId}`}>{m.mergedId.slice(0, 8)}</Link> — {m.reason}{' '}
              <span className="muted">({m.mergedByName})</span>{' '}
              <Button
                variant="secondary"
                busy={unmerge.busy}
                onClick={() => {
                  const why = window.prompt(t('people.merge.unmerge_reason')) ?? '';
                  if (why.trim().length >= 10) void unmerge.run(m.mergedId, why.trim());
                }}
              >
                {t('people.merge.unmerge')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <TextField id="mg-q" label={t('people.merge.find')} value={q} onChange={(e) => setQ(e.target.value)} />
      <ul>
        {found.data?.results
          .filter((r) => r.person.id !== v.id)
          .map((r) => (
            <li key={r.person.id}>
              <label>
                <input type="radio" name="merge-other" checked={other?.person.id === r.person.id} onChange={() => setOther(r)} />{' '}
                {r.person.name}{' '}
                <span className="muted">
                  {r.person.fatherName ?? ''} · {ageText(r.person, t)}
                </span>
              </label>
              <Why score={r.score} why={r.why} likelySame={r.likelySame} />
            </li>
          ))}
      </ul>
      {other && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void merge.run();
          }}
        >
          <TextArea
            id="mg-reason"
            label={`${t('people.merge.reason')} *`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={2}
          />
          <Button type="submit" variant="danger" busy={merge.busy}>
            {t('people.merge.button', { other: other.person.name })}
          </Button>
        </form>
      )}
    </section>
  );
}

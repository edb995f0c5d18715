import { useState } from 'react';
import { api } from '../../api.ts';
import { localName, useT } from '../../i18n/index.tsx';
import { Link, navigate, queryString, useLocation } from '../../router.tsx';
import { Button, ErrorAlert, Loading, Page, SelectField, TextArea, TextField } from '../../components/ui.tsx';
import { useAction, useFetch } from '../../components/hooks.ts';
import { formatDate } from '../../lib/format.ts';
import { can } from '../../policy.ts';
import { useSession } from '../../session.tsx';
import { NewWanted, StatusChange } from './RegisterForms.tsx';
import { nextWantedStatuses, offersStatusChange } from './wanted.ts';

const TABS = ['wanted', 'missing', 'unidentified', 'matches'] as const;
type Tab = (typeof TABS)[number];

interface Wanted {
  id: string;
  personId: string;
  personName: string;
  personNameHi: string | null;
  personFatherName: string | null;
  kind: string;
  court: string | null;
  orderRef: string | null;
  orderDate: string | null;
  appearBy: string | null;
  rewardAmount: number | null;
  status: string;
  stationName: string;
  stationNameHi: string;
  firNumber: string | null;
  firId: string | null;
  stationId: string;
  statusReason: string | null;
  version: number;
}
interface Missing {
  id: string;
  name: string;
  sex: string;
  ageYears: number | null;
  heightCm: number | null;
  marks: string[];
  missingSince: string;
  lastSeenPlace: string | null;
  status: string;
  stationName: string;
  stationNameHi: string;
  stationId: string;
  statusReason: string | null;
  version: number;
  matches: number;
}
interface Found {
  id: string;
  kind: string;
  foundOn: string;
  place: string;
  sex: string;
  ageFrom: number | null;
  ageTo: number | null;
  heightCm: number | null;
  marks: string[];
  status: string;
  stationName: string;
  stationNameHi: string;
  matches: number;
}
interface Match {
  id: string;
  score: number;
  reasons: string[];
  status: string;
  missing: { name: string; missingSince: string; stationName: string };
  found: { kind: string; foundOn: string; place: string; stationName: string };
}

/**
 * The person registers: wanted persons and proclaimed offenders (BNSS 84), missing persons,
 * unidentified persons and dead bodies, and the possible missing ↔ unidentified matches that
 * concern the caller's stations.
 */
export default function RegistersPage() {
  const { t, lang } = useT();
  const { user } = useSession();
  const s = useLocation().search;
  const tab = (TABS as readonly string[]).includes(s.get('tab') ?? '') ? (s.get('tab') as Tab) : 'wanted';
  const path =
    tab === 'wanted'
      ? '/registers/wanted?pageSize=100'
      : tab === 'missing'
        ? '/registers/missing?pageSize=100'
        : tab === 'unidentified'
          ? '/registers/unidentified?pageSize=100'
          : '/registers/matches';
  const list = useFetch<{ items: unknown[] }>(path);
  const canWrite = user ? can(user.role, 'registers.manage') : false;
  const decide = useAction(async (id: string, status: 'confirmed' | 'rejected') => {
    await api.post(`/registers/matches/${id}/decision`, { status });
    list.reload();
  });
  return (
    <Page title={t('people.registers.title')}>
      <nav className="button-row" aria-label={t('people.registers.title')}>
        {TABS.map((x) => (
          <Link
            key={x}
            to={`/registers${queryString({ tab: x })}`}
            aria-current={x === tab ? 'page' : undefined}
            className={x === tab ? 'btn btn-primary' : 'btn btn-secondary'}
          >
            {t(`people.registers.tab.${x}`)}
          </Link>
        ))}
      </nav>
      <ErrorAlert error={list.error ?? decide.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : !list.data?.items.length ? (
        <p role="status">{t('people.registers.empty')}</p>
      ) : (
        <ul className="message-list" data-testid={`register-${tab}`}>
          {tab === 'wanted' &&
            (list.data.items as Wanted[]).map((w) => (
              <li key={w.id} className="panel">
                <Link to={`/people/${w.personId}`}>{localName(lang, { name: w.personName, nameHi: w.personNameHi })}</Link>{' '}
                <span className="badge badge-bad">{t(`people.registers.kind.${w.kind}`)}</span>{' '}
                <span className="badge badge-neutral">{t(`people.registers.status.${w.status}`)}</span>
                <div className="muted">
                  {w.personFatherName ? t('people.new.son_of', { father: w.personFatherName }) : ''} ·{' '}
                  {localName(lang, { name: w.stationName, nameHi: w.stationNameHi })}
                  {w.court ? ` · ${w.court} ${w.orderRef ?? ''} ${w.orderDate ? formatDate(w.orderDate, lang) : ''}` : ''}
                  {w.appearBy ? ` · ${t('people.registers.appear_by', { date: formatDate(w.appearBy, lang) })}` : ''}
                  {w.rewardAmount ? ` · ${t('people.registers.reward', { amount: w.rewardAmount })}` : ''}
                </div>
                {w.statusReason && <div className="muted">{w.statusReason}</div>}
                {canWrite && user && offersStatusChange(user, w.stationId) && (
                  <StatusChange
                    id={`ws-${w.id}`}
                    path={`/registers/wanted/${w.id}/status`}
                    version={w.version}
                    statuses={nextWantedStatuses(w.status)}
                    onDone={list.reload}
                  />
                )}
              </li>
            ))}
          {tab === 'missing' &&
            (list.data.items as Missing[]).map((m) => (
              <li key={m.id} className="panel">
                <strong>{m.name}</strong> <span className="badge badge-neutral">{t(`people.registers.status.${m.status}`)}</span>{' '}
                {m.matches > 0 && <span className="badge badge-warn">{t('people.registers.matches', { n: m.matches })}</span>}
                <div className="muted">
                  {t(`people.sex.${m.sex}`)} · {m.ageYears ?? '?'} · {m.heightCm ? `${m.heightCm} cm` : ''} ·{' '}
                  {t('people.registers.since', { date: formatDate(m.missingSince, lang) })} · {m.lastSeenPlace ?? ''} ·{' '}
                  {localName(lang, { name: m.stationName, nameHi: m.stationNameHi })}
                </div>
                {m.marks.length > 0 && <div>{m.marks.join('; ')}</div>}
                {m.statusReason && <div className="muted">{m.statusReason}</div>}
                {canWrite && user && m.status === 'missing' && offersStatusChange(user, m.stationId) && (
                  <StatusChange
                    id={`ms-${m.id}`}
                    path={`/registers/missing/${m.id}/status`}
                    version={m.version}
                    statuses={['traced', 'closed']}
                    onDone={list.reload}
                  />
                )}
              </li>
            ))}
          {tab === 'unidentified' &&
            (list.data.items as Found[]).map((u) => (
              <li key={u.id} className="panel">
                <strong>{t(`people.registers.found_kind.${u.kind}`)}</strong> — {u.place}{' '}
                <span className="badge badge-neutral">{t(`people.registers.status.${u.status}`)}</span>{' '}
                {u.matches > 0 && <span className="badge badge-warn">{t('people.registers.matches', { n: u.matches })}</span>}
                <div className="muted">
                  {t(`people.sex.${u.sex}`)} · {u.ageFrom ?? '?'}–{u.ageTo ?? '?'} · {u.heightCm ? `${u.heightCm} cm` : ''} ·{' '}
                  {formatDate(u.foundOn, lang)} · {localName(lang, { name: u.stationName, nameHi: u.stationNameHi })}
                </div>
                {u.marks.length > 0 && <div>{u.marks.join('; ')}</div>}
              </li>
            ))}
          {tab === 'matches' &&
            (list.data.items as Match[]).map((x) => (
              <li key={x.id} className="panel">
                <strong>{x.missing.name}</strong> ({x.missing.stationName}, {formatDate(x.missing.missingSince, lang)}) ↔{' '}
                {t(`people.registers.found_kind.${x.found.kind}`)} ({x.found.stationName}, {formatDate(x.found.foundOn, lang)}){' '}
                <span className="badge badge-warn">{t('people.why.score', { score: x.score.toFixed(2) })}</span>{' '}
                <span className="badge badge-neutral">{t(`people.registers.match_status.${x.status}`)}</span>
                <div className="muted">{x.reasons.join(' · ')}</div>
                {canWrite && x.status === 'suggested' && (
                  <div className="button-row">
                    <Button busy={decide.busy} onClick={() => void decide.run(x.id, 'confirmed')}>
                      {t('people.registers.confirm')}
                    </Button>
                    <Button variant="secondary" busy={decide.busy} onClick={() => void decide.run(x.id, 'rejected')}>
                      {t('people.registers.reject')}
                    </Button>
                  </div>
                )}
              </li>
            ))}
        </ul>
      )}
      {canWrite && tab === 'wanted' && <NewWanted personId={s.get('person') ?? undefined} onDone={list.reload} />}
      {canWrite && tab === 'missing' && <NewEntry kind="missing" onDone={() => list.reload()} />}
      {canWrite && tab === 'unidentified' && <NewEntry kind="unidentified" onDone={() => navigate('/registers?tab=matches')} />}
    </Page>
  );
}

/** A new missing-person report or unidentified person/body; matched at once by the server. */
function NewEntry({ kind, onDone }: { kind: 'missing' | 'unidentified'; onDone: () => void }) {
  const { t } = useT();
  const [v, setV] = useState<Record<string, string>>({ sex: 'male', kind: 'dead_body' });
  const set = (k: string) => (e: { target: { value: string } }) => setV((o) => ({ ...o, [k]: e.target.value }));
  const num = (k: string) => (v[k] ? Number(v[k]) : undefined);
  const marks = (v.marks ?? '')
    .split('\n')
    .map((m) => m.trim())
    .filter(Boolean);
  const act = useAction(async () => {
    if (kind === 'missing')
      await api.post('/registers/missing', {
        name: v.name,
        sex: v.sex,
        ageYears: num('age'),
        heightCm: num('height'),
        marks,
        missingSince: v.date,
        lastSeenPlace: v.place || undefined,
        reporterName: v.reporter,
        reporterPhone: v.phone || undefined,
      });
    else
      await api.post('/registers/unidentified', {
        kind: v.kind,
        foundOn: v.date,
        place: v.place,
        sex: v.sex,
        ageFrom: num('ageFrom'),
        ageTo: num('ageTo'),
        heightCm: num('height'),
        marks,
        inquestRef: v.inquest || undefined,
      });
    setV({ sex: 'male', kind: 'dead_body' });
    onDone();
  });
  return (
    <details className="panel">
      <summary>{t(`people.registers.new_${kind}`)}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void act.run();
        }}
      >
        <ErrorAlert error={act.error} />
        <div className="form-grid">
          {kind === 'missing' ? (
            <TextField id="rg-name" label={`${t('people.name')} *`} value={v.name ?? ''} onChange={set('name')} />
          ) : (
            <SelectField id="rg-kind" label={t('people.registers.found_kind_label')} value={v.kind} onChange={set('kind')}>
              <option value="dead_body">{t('people.registers.found_kind.dead_body')}</option>
              <option value="person">{t('people.registers.found_kind.person')}</option>
            </SelectField>
          )}
          <SelectField id="rg-sex" label={t('people.sex')} value={v.sex} onChange={set('sex')}>
            {['male', 'female', 'transgender', 'unknown'].map((x) => (
              <option key={x} value={x}>
                {t(`people.sex.${x}`)}
              </option>
            ))}
          </SelectField>
          {kind === 'missing' ? (
            <TextField id="rg-age" type="number" label={t('people.age')} value={v.age ?? ''} onChange={set('age')} />
          ) : (
            <>
              <TextField
                id="rg-agefrom"
                type="number"
                label={t('people.search.age_from')}
                value={v.ageFrom ?? ''}
                onChange={set('ageFrom')}
              />
              <TextField id="rg-ageto" type="number" label={t('people.search.age_to')} value={v.ageTo ?? ''} onChange={set('ageTo')} />
            </>
          )}
          <TextField id="rg-height" type="number" label={t('people.height')} value={v.height ?? ''} onChange={set('height')} />
          <TextField
            id="rg-date"
            type="date"
            label={`${t(kind === 'missing' ? 'people.registers.missing_since' : 'people.registers.found_on')} *`}
            value={v.date ?? ''}
            onChange={set('date')}
          />
          <TextField
            id="rg-place"
            label={t(kind === 'missing' ? 'people.registers.last_seen' : 'people.registers.place')}
            value={v.place ?? ''}
            onChange={set('place')}
          />
          <TextArea
            id="rg-marks"
            label={t('people.marks')}
            hint={t('people.registers.marks_hint')}
            value={v.marks ?? ''}
            onChange={set('marks')}
            rows={3}
          />
          {kind === 'missing' ? (
            <>
              <TextField
                id="rg-reporter"
                label={`${t('people.registers.reporter')} *`}
                value={v.reporter ?? ''}
                onChange={set('reporter')}
              />
              <TextField id="rg-phone" label={t('people.phone')} value={v.phone ?? ''} onChange={set('phone')} />
            </>
          ) : (
            <TextField id="rg-inquest" label={t('people.registers.inquest')} value={v.inquest ?? ''} onChange={set('inquest')} />
          )}
        </div>
        <Button type="submit" busy={act.busy}>
          {t('people.registers.save')}
        </Button>
      </form>
    </details>
  );
}

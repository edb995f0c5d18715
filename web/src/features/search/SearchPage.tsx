import { useMemo } from 'react';
import { localName, useT } from '../../i18n/index.tsx';
import { Link, navigate, queryString, useLocation } from '../../router.tsx';
import { Button, ErrorAlert, Loading, Page, TextField } from '../../components/ui.tsx';
import { useFetch } from '../../components/hooks.ts';
import { ClientError } from '../../components/errors.ts';
import { formatDate } from '../../lib/format.ts';
import type { PersonSummary } from '../people/types.ts';
import { Why } from '../people/Why.tsx';
import { PersonFlags, ageText } from '../people/bits.tsx';
import { tooShortQuery } from '../people/query.ts';

interface Vehicle {
  id: string;
  firId: string | null;
  firNumber: string | null;
  registration: string | null;
  chassis: string | null;
  engine: string | null;
  make: string | null;
  colour: string | null;
  description: string | null;
  status: string;
  statusAt: string;
  stationName: string;
  stationNameHi: string;
}
interface Property {
  id: string;
  firId: string | null;
  firNumber: string | null;
  category: string;
  description: string;
  identifiers: string[];
  status: string;
  stationName: string;
  stationNameHi: string;
}
interface Unified {
  query: string;
  persons: { person: PersonSummary; score: number; why: string[]; matchedName: string }[];
  firs: { id: string; firNumber: string; stationCode: string; stationName: string; registeredAt: string; stage: string }[];
  vehicles: Vehicle[];
  phones: { phone: string; person: PersonSummary }[];
  property: Property[];
}

/**
 * One search box for police, in Hindi or English: persons (ranked, with why each matched),
 * FIR numbers (0012/2026), vehicles (any way the registration is typed), phone numbers and
 * property identifiers (IMEI), grouped by type.
 */
export default function SearchPage() {
  const { t, lang } = useT();
  const s = useLocation().search;
  const q = s.get('q') ?? '';
  // A submitted query (q in the address, even empty) that is too short is refused here, and the
  // results of the previous query go with it.
  const refused = s.has('q') && tooShortQuery(q);
  const tooShort = useMemo(() => (refused ? new ClientError('search.too_short') : null), [refused]);
  const r = useFetch<Unified>(s.has('q') && !refused ? `/search${queryString({ q })}` : null);
  const d = refused ? undefined : r.data;
  const nothing = d && !d.persons.length && !d.firs.length && !d.vehicles.length && !d.phones.length && !d.property.length;
  return (
    <Page title={t('search.title')}>
      <form
        className="panel filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/search?${new URLSearchParams({ q: String(new FormData(e.currentTarget).get('q') ?? '') }).toString()}`);
        }}
      >
        <TextField id="us-q" name="q" label={t('search.q')} hint={t('search.q_hint')} defaultValue={q} autoComplete="off" />
        <Button type="submit">{t('search.go')}</Button>
      </form>
      <p>
        <Link to={`/people${queryString({ q })}`}>{t('search.more_people')}</Link> · <Link to="/search/mo">{t('search.quick.mo')}</Link>
      </p>
      <ErrorAlert error={tooShort ?? r.error} />
      {!refused && r.loading && !d && <Loading />}
      {nothing && <p role="status">{t('search.none')}</p>}
      {d && d.persons.length > 0 && (
        <section aria-labelledby="us-persons">
          <h2 id="us-persons">{t('search.persons')}</h2>
          <ul className="message-list">
            {d.persons.map((p) => (
              <li key={p.person.id}>
                <Link to={`/people/${p.person.id}`}>{p.person.name}</Link>{' '}
                {p.person.nameHi && p.person.nameHi !== p.person.name && <span lang="hi">({p.person.nameHi})</span>}{' '}
                <span className="muted">
                  {p.person.fatherName ?? ''} · {ageText(p.person, t)} · {p.person.districtName ?? ''}
                </span>
                <PersonFlags p={p.person} />
                <Why score={p.score} why={p.why} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {d && d.firs.length > 0 && (
        <section aria-labelledby="us-firs">
          <h2 id="us-firs">{t('search.firs')}</h2>
          <ul>
            {d.firs.map((f) => (
              <li key={f.id}>
                <Link to={`/cases/${f.id}`}>{f.firNumber}</Link> — {f.stationName} · {formatDate(f.registeredAt, lang)} · {f.stage}
              </li>
            ))}
          </ul>
        </section>
      )}
      {d && d.vehicles.length > 0 && (
        <section aria-labelledby="us-vehicles">
          <h2 id="us-vehicles">{t('search.vehicles')}</h2>
          <ul>
            {d.vehicles.map((v) => (
              <li key={v.id}>
                <strong>{v.registration ?? v.chassis ?? v.engine}</strong>{' '}
                <span className={`badge ${v.status === 'stolen' ? 'badge-bad' : 'badge-ok'}`}>{t(`search.status.${v.status}`)}</span>{' '}
                {v.description}{' '}
                <span className="muted">
                  {localName(lang, { name: v.stationName, nameHi: v.stationNameHi })}{' '}
                  {v.firId && <Link to={`/cases/${v.firId}`}>{v.firNumber}</Link>}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {d && d.phones.length > 0 && (
        <section aria-labelledby="us-phones">
          <h2 id="us-phones">{t('search.phones')}</h2>
          <ul>
            {d.phones.map((p) => (
              <li key={p.person.id}>
                {p.phone}: <Link to={`/people/${p.person.id}`}>{p.person.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {d && d.property.length > 0 && (
        <section aria-labelledby="us-property">
          <h2 id="us-property">{t('search.property')}</h2>
          <ul>
            {d.property.map((p) => (
              <li key={p.id}>
                {p.description}{' '}
                <span className={`badge ${p.status === 'stolen' ? 'badge-bad' : 'badge-ok'}`}>{t(`search.status.${p.status}`)}</span>{' '}
                <span className="muted">
                  {localName(lang, { name: p.stationName, nameHi: p.stationNameHi })}{' '}
                  {p.firId && <Link to={`/cases/${p.firId}`}>{p.firNumber}</Link>}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </Page>
  );
}

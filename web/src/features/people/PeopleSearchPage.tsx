import { useMemo, useState } from 'react';
import { localName, useT } from '../../i18n/index.tsx';
import { Link, navigate, queryString, useLocation } from '../../router.tsx';
import { Button, CheckboxField, ErrorAlert, Loading, Page, SelectField, TextField } from '../../components/ui.tsx';
import { useFetch } from '../../components/hooks.ts';
import { ClientError } from '../../components/errors.ts';
import { can } from '../../policy.ts';
import { useSession } from '../../session.tsx';
import { useStructure } from '../org/structure.ts';
import type { SearchResult } from './types.ts';
import { Why } from './Why.tsx';
import { PersonFlags, ageText } from './bits.tsx';
import { tooShortQuery } from './query.ts';

/**
 * The person search: one box for a name in Hindi or English, ranked results with the score and
 * why each matched; filters for district, station, age, sex and accused only.
 */
export default function PeopleSearchPage() {
  const { t, lang } = useT();
  const { user } = useSession();
  const { structure } = useStructure();
  const s = useLocation().search;
  const params = {
    q: s.get('q') ?? '',
    district: s.get('district') ?? '',
    station: s.get('station') ?? '',
    sex: s.get('sex') ?? '',
    ageFrom: s.get('ageFrom') ?? '',
    ageTo: s.get('ageTo') ?? '',
    role: s.get('role') ?? '',
    fatherName: s.get('fatherName') ?? '',
  };
  // The station list follows the district chosen in the form (before it is submitted).
  const [district, setDistrict] = useState(params.district);
  const stations = structure?.stations.filter((x) => !district || x.districtId === district) ?? [];
  const ready = !tooShortQuery(params.q);
  // A submitted query (q in the address, even empty) that is too short is refused in words.
  const refused = s.has('q') && !ready;
  const tooShort = useMemo(() => (refused ? new ClientError('people.search.too_short') : null), [refused]);
  const list = useFetch<{ results: SearchResult[]; query: { normalised: string } }>(
    ready ? `/people/search${queryString({ ...params, role: params.role || undefined })}` : null,
  );
  const submit = (form: HTMLFormElement) => {
    const f = new FormData(form);
    const next: Record<string, string> = {};
    for (const k of Object.keys(params)) next[k] = String(f.get(k) ?? '');
    next.role = f.get('role') ? 'accused' : '';
    const { q, ...filters } = next;
    const more = queryString(filters).slice(1);
    navigate(`/people?${new URLSearchParams({ q }).toString()}${more ? `&${more}` : ''}`);
  };
  return (
    <Page
      title={t('people.search.title')}
      actions={user && can(user.role, 'people.write') ? <Link to="/people/new">{t('people.new.link')}</Link> : undefined}
    >
      <form
        className="panel filters"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          submit(e.currentTarget);
        }}
      >
        <TextField
          id="ps-q"
          name="q"
          label={t('people.search.q')}
          hint={t('people.search.q_hint')}
          defaultValue={params.q}
          lang={lang}
          autoComplete="off"
        />
        <TextField id="ps-father" name="fatherName" label={t('people.search.father')} defaultValue={params.fatherName} />
        <SelectField
          id="ps-district"
          name="district"
          label={t('people.search.district')}
          defaultValue={params.district}
          onChange={(e) => setDistrict(e.target.value)}
        >
          <option value="">{t('people.search.any')}</option>
          {structure?.districts.map((d) => (
            <option key={d.id} value={d.id}>
              {localName(lang, d)}
            </option>
          ))}
        </SelectField>
        <SelectField id="ps-station" name="station" label={t('people.search.station')} defaultValue={params.station}>
          <option value="">{t('people.search.any')}</option>
          {stations.map((x) => (
            <option key={x.id} value={x.id}>
              {localName(lang, x)}
            </option>
          ))}
        </SelectField>
        <SelectField id="ps-sex" name="sex" label={t('people.sex')} defaultValue={params.sex}>
          <option value="">{t('people.search.any')}</option>
          {['male', 'female', 'transgender'].map((x) => (
            <option key={x} value={x}>
              {t(`people.sex.${x}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="ps-agefrom"
          name="ageFrom"
          type="number"
          min={0}
          max={130}
          label={t('people.search.age_from')}
          defaultValue={params.ageFrom}
        />
        <TextField
          id="ps-ageto"
          name="ageTo"
          type="number"
          min={0}
          max={130}
          label={t('people.search.age_to')}
          defaultValue={params.ageTo}
        />
        <CheckboxField id="ps-role" name="role" label={t('people.search.accused_only')} defaultChecked={params.role === 'accused'} />
        <Button type="submit">{t('people.search.go')}</Button>
      </form>
      <ErrorAlert error={tooShort ?? list.error} />
      {!ready ? (
        <p className="muted">{t('people.search.intro')}</p>
      ) : list.loading && !list.data ? (
        <Loading />
      ) : !list.data?.results.length ? (
        <p role="status">{t('people.search.none')}</p>
      ) : (
        <>
          <p className="muted" role="status">
            {t('people.search.count', { n: list.data.results.length, normalised: list.data.query.normalised })}
          </p>
          <div className="table-wrap">
            <table className="table table-stack" data-testid="people-results">
              <caption className="sr-only">{t('people.search.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('people.name')}</th>
                  <th scope="col">{t('people.father')}</th>
                  <th scope="col">{t('people.age')}</th>
                  <th scope="col">{t('people.district')}</th>
                  <th scope="col">{t('people.search.why')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.results.map((r) => (
                  <tr key={r.person.id}>
                    <td data-label={t('people.name')}>
                      <Link to={`/people/${r.person.id}`}>{r.person.name}</Link>
                      {r.person.nameHi && r.person.nameHi !== r.person.name && <div lang="hi">{r.person.nameHi}</div>}
                      {r.matchedName !== r.person.name && r.matchedName !== r.person.nameHi && (
                        <div className="muted">{t('people.search.matched_name', { name: r.matchedName })}</div>
                      )}
                      <PersonFlags p={r.person} />
                    </td>
                    <td data-label={t('people.father')}>{r.person.fatherName ?? '—'}</td>
                    <td data-label={t('people.age')}>{ageText(r.person, t)}</td>
                    <td data-label={t('people.district')}>{r.person.districtName ?? '—'}</td>
                    <td data-label={t('people.search.why')}>
                      <Why score={r.score} why={r.why} likelySame={r.likelySame} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Page>
  );
}

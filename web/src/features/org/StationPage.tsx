import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { Link, useLocation, useParams } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { can } from '../../policy.ts';
import { Button, CheckboxField, ErrorAlert, Facts, Loading, Notice, Page, TextField } from '../../components/ui.tsx';
import { fieldErrorsOf, requireFields } from '../../components/errors.ts';
import { useAction, useFetch } from '../../components/hooks.ts';
import { invalidateStructure, placeLabel, type Beat, type Station, type Structure } from './structure.ts';
import { StationForm, stationBody, type StationDraft } from './StationForm.tsx';

const toDraft = (s: Station): StationDraft => ({
  subdivisionId: s.subdivisionId,
  code: s.code,
  name: s.name,
  nameHi: s.nameHi,
  address: s.address ?? '',
  phone: s.phone ?? '',
  lat: s.lat === null || s.lat === undefined ? '' : String(s.lat),
  lng: s.lng === null || s.lng === undefined ? '' : String(s.lng),
  active: s.active,
});

/** One police station: its details (editable by an administrator) and its beats. */
export default function StationPage() {
  const { t, lang } = useT();
  const { id } = useParams();
  const loc = useLocation();
  const { user } = useSession();
  const canManage = !!user && can(user.role, 'org.manage');
  // Read fresh (not the cached structure): an edit must carry the current version.
  const org = useFetch<Structure>('/org/structure');
  const beats = useFetch<{ items: Beat[] }>(`/org/stations/${encodeURIComponent(id)}/beats`);
  const station = org.data?.stations.find((s) => s.id === id);
  const [draft, setDraft] = useState<StationDraft | undefined>();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    if (station) setDraft(toDraft(station));
  }, [station]);

  const save = useAction(async () => {
    if (!station || !draft) return;
    setSaved(false);
    requireFields(draft as unknown as Record<string, unknown>, ['name', 'nameHi']);
    await api.patch<Station>(`/org/stations/${station.id}`, { ...stationBody(draft, false), version: station.version });
    invalidateStructure();
    org.reload();
    setSaved(true);
  });

  if (org.loading && !org.data) return <Loading />;
  if (!station || !draft)
    return (
      <Page title={t('org.stations.title')}>
        <ErrorAlert error={org.error ?? beats.error} />
        {!org.error && <p>{t('org.station_not_found')}</p>}
        <Link to="/org/stations">{t('org.back')}</Link>
      </Page>
    );

  const stale = save.error instanceof ApiError && save.error.code === 'stale_version';
  const sd = org.data?.subdivisions.find((x) => x.id === station.subdivisionId);
  const d = org.data?.districts.find((x) => x.id === station.districtId);

  return (
    <Page title={`${placeLabel(lang, station)}`} actions={<Link to="/org/stations">{t('org.back')}</Link>}>
      {loc.search.get('created') === '1' && <Notice kind="success">{t('org.stations.created')}</Notice>}
      <section className="panel" aria-labelledby="st-facts">
        <h2 id="st-facts">{t('common.details')}</h2>
        <Facts
          items={[
            [t('common.name'), station.name],
            [t('common.name_hi'), <span lang="hi">{station.nameHi}</span>],
            [t('org.district'), placeLabel(lang, d)],
            [t('org.subdivision'), placeLabel(lang, sd)],
            [t('org.address'), station.address ?? '—'],
            [t('org.phone'), station.phone ?? '—'],
            [t('org.location'), station.lat !== null && station.lng !== null ? `${station.lat}, ${station.lng}` : '—'],
            [t('common.status'), station.active ? t('common.active') : t('common.inactive')],
          ]}
        />
      </section>

      <Beats stationId={station.id} list={beats} canManage={canManage} />

      {canManage && (
        <section className="panel" aria-labelledby="st-edit">
          <h2 id="st-edit">{t('org.stations.edit')}</h2>
          {saved && <Notice kind="success">{t('common.saved')}</Notice>}
          {stale && (
            <p>
              <Button
                variant="secondary"
                onClick={() => {
                  save.setError(null);
                  org.reload();
                }}
              >
                {t('org.reload')}
              </Button>
            </p>
          )}
          <StationForm
            draft={draft}
            onChange={setDraft}
            structure={org.data}
            create={false}
            error={save.error}
            busy={save.busy}
            onSubmit={() => void save.run()}
          />
        </section>
      )}
    </Page>
  );
}

interface BeatDraft {
  code: string;
  name: string;
  nameHi: string;
  active: boolean;
}

function Beats({
  stationId,
  list,
  canManage,
}: {
  stationId: string;
  list: ReturnType<typeof useFetch<{ items: Beat[] }>>;
  canManage: boolean;
}) {
  const { t, lang } = useT();
  const [adding, setAdding] = useState<BeatDraft>({ code: '', name: '', nameHi: '', active: true });
  const [editing, setEditing] = useState<(BeatDraft & { id: string; version: number }) | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

  const add = useAction(async () => {
    setNotice(undefined);
    requireFields(adding as unknown as Record<string, unknown>, ['code', 'name', 'nameHi']);
    await api.post(`/org/stations/${stationId}/beats`, {
      code: adding.code.trim().toUpperCase(),
      name: adding.name.trim(),
      nameHi: adding.nameHi.trim(),
    });
    setAdding({ code: '', name: '', nameHi: '', active: true });
    setNotice(t('org.beats.added'));
    list.reload();
  });
  const save = useAction(async () => {
    if (!editing) return;
    setNotice(undefined);
    requireFields(editing as unknown as Record<string, unknown>, ['name', 'nameHi']);
    await api.patch(`/org/beats/${editing.id}`, {
      version: editing.version,
      name: editing.name.trim(),
      nameHi: editing.nameHi.trim(),
      active: editing.active,
    });
    setEditing(undefined);
    setNotice(t('common.saved'));
    list.reload();
  });
  const addFe = fieldErrorsOf(add.error, t);
  const editFe = fieldErrorsOf(save.error, t);
  const items = list.data?.items ?? [];

  return (
    <section className="panel" aria-labelledby="beats-title">
      <h2 id="beats-title">{t('org.beats.title')}</h2>
      {notice && <Notice kind="success">{notice}</Notice>}
      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <p>{t('org.beats.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-stack">
            <caption className="sr-only">{t('org.beats.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('common.code')}</th>
                <th scope="col">{t('common.name')}</th>
                <th scope="col">{t('common.status')}</th>
                {canManage && <th scope="col">{t('common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {items.map((b) => (
                <tr key={b.id}>
                  <td data-label={t('common.code')}>{b.code}</td>
                  <td data-label={t('common.name')}>{lang === 'hi' ? b.nameHi : b.name}</td>
                  <td data-label={t('common.status')}>
                    {b.active ? (
                      <span className="badge badge-ok">{t('common.active')}</span>
                    ) : (
                      <span className="badge badge-neutral">{t('common.inactive')}</span>
                    )}
                  </td>
                  {canManage && (
                    <td>
                      <Button
                        variant="secondary"
                        onClick={() =>
                          setEditing({ id: b.id, version: b.version, code: b.code, name: b.name, nameHi: b.nameHi, active: b.active })
                        }
                      >
                        {t('common.edit')}
                        <span className="sr-only"> {b.code}</span>
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {canManage && editing && (
        <form
          className="form panel"
          noValidate
          aria-labelledby="beat-edit-title"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void save.run();
          }}
        >
          <h3 id="beat-edit-title">{t('org.beats.edit', { code: editing.code })}</h3>
          <ErrorAlert error={save.error} idPrefix="be-" fieldLabels={{ name: t('common.name'), nameHi: t('common.name_hi') }} />
          <div className="form-grid">
            <TextField
              id="be-name"
              label={t('common.name')}
              required
              value={editing.name}
              error={editFe.name}
              onChange={(e) => setEditing({ ...editing, name: e.target.value })}
            />
            <TextField
              id="be-nameHi"
              lang="hi"
              label={t('common.name_hi')}
              required
              value={editing.nameHi}
              error={editFe.nameHi}
              onChange={(e) => setEditing({ ...editing, nameHi: e.target.value })}
            />
          </div>
          <CheckboxField
            id="be-active"
            label={t('org.beats.active')}
            checked={editing.active}
            onChange={(e) => setEditing({ ...editing, active: e.target.checked })}
          />
          <div className="button-row">
            <Button type="submit" busy={save.busy}>
              {t('common.save')}
            </Button>
            <Button variant="secondary" onClick={() => setEditing(undefined)}>
              {t('common.cancel')}
            </Button>
          </div>
        </form>
      )}

      {canManage && (
        <form
          className="form"
          noValidate
          aria-labelledby="beat-add-title"
          onSubmit={(e: FormEvent) => {
            e.preventDefault();
            void add.run();
          }}
        >
          <h3 id="beat-add-title">{t('org.beats.add')}</h3>
          <ErrorAlert
            error={add.error}
            idPrefix="ba-"
            fieldLabels={{ code: t('common.code'), name: t('common.name'), nameHi: t('common.name_hi') }}
          />
          <div className="form-grid">
            <TextField
              id="ba-code"
              label={t('common.code')}
              hint={t('org.beat_code_hint')}
              required
              value={adding.code}
              error={addFe.code}
              onChange={(e) => setAdding({ ...adding, code: e.target.value })}
            />
            <TextField
              id="ba-name"
              label={t('common.name')}
              required
              value={adding.name}
              error={addFe.name}
              onChange={(e) => setAdding({ ...adding, name: e.target.value })}
            />
            <TextField
              id="ba-nameHi"
              lang="hi"
              label={t('common.name_hi')}
              required
              value={adding.nameHi}
              error={addFe.nameHi}
              onChange={(e) => setAdding({ ...adding, nameHi: e.target.value })}
            />
          </div>
          <div className="button-row">
            <Button type="submit" busy={add.busy}>
              {t('org.beats.add')}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}

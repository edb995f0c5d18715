import { useEffect, useState, type FormEvent } from 'react';
import { localName, useT } from '../../i18n/index.tsx';
import { Link, navigate, queryString, useLocation } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { can, ROLES } from '../../policy.ts';
import { Button, CheckboxField, ErrorAlert, Loading, Page, SelectField, TextField } from '../../components/ui.tsx';
import { useFetch } from '../../components/hooks.ts';
import { PlaceSelect } from '../org/PlaceSelect.tsx';
import { postingLabel, useStructure } from '../org/structure.ts';
import type { AdminUser } from './types.ts';
import { UserStatus } from './UserStatus.tsx';

const PAGE = 50;

/** Users: search and filter (kept in the address, so Back and bookmarks work), then open one. */
export default function UsersPage() {
  const { t, lang } = useT();
  const { user } = useSession();
  const loc = useLocation();
  const q = loc.search;
  const filters = {
    q: q.get('q') ?? '',
    role: q.get('role') ?? '',
    stationId: q.get('stationId') ?? '',
    includeDisabled: q.get('includeDisabled') === 'true',
    offset: Math.max(0, Number(q.get('offset')) || 0),
  };
  const [draft, setDraft] = useState(filters);
  // Back and Forward change the address: show the filters it holds.
  useEffect(() => setDraft(filters), [loc.href]);
  const { structure } = useStructure();
  const list = useFetch<{ items: AdminUser[] }>(
    `/admin/users${queryString({ ...filters, includeDisabled: filters.includeDisabled ? 'true' : undefined, offset: filters.offset || undefined, limit: PAGE })}`,
  );

  const go = (f: typeof filters) =>
    navigate(
      `/admin/users${queryString({ q: f.q, role: f.role, stationId: f.stationId, includeDisabled: f.includeDisabled ? 'true' : undefined, offset: f.offset || undefined })}`,
    );

  const items = list.data?.items ?? [];
  const canManage = !!user && can(user.role, 'users.manage');

  return (
    <Page
      title={t('users.title')}
      actions={
        canManage && (
          <Link to="/admin/users/new" className="btn btn-primary">
            {t('users.new')}
          </Link>
        )
      }
    >
      <form
        className="panel filters"
        role="search"
        aria-label={t('users.filters')}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          go({ ...draft, offset: 0 });
        }}
      >
        <TextField
          id="uf-q"
          label={t('users.filter.q')}
          type="search"
          value={draft.q}
          onChange={(e) => setDraft({ ...draft, q: e.target.value })}
        />
        <SelectField
          id="uf-role"
          label={t('users.field.role')}
          value={draft.role}
          onChange={(e) => setDraft({ ...draft, role: e.target.value })}
        >
          <option value="">{t('common.all')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </SelectField>
        <PlaceSelect
          id="uf-station"
          level="station"
          includeInactive
          structure={structure}
          label={t('users.field.station')}
          emptyLabel={t('common.all')}
          value={draft.stationId}
          onChange={(e) => setDraft({ ...draft, stationId: e.target.value })}
        />
        <CheckboxField
          id="uf-disabled"
          label={t('users.filter.include_disabled')}
          checked={draft.includeDisabled}
          onChange={(e) => setDraft({ ...draft, includeDisabled: e.target.checked })}
        />
        <div className="button-row">
          <Button type="submit">{t('common.search')}</Button>
          <Button
            variant="secondary"
            onClick={() => {
              const empty = { q: '', role: '', stationId: '', includeDisabled: false, offset: 0 };
              setDraft(empty);
              go(empty);
            }}
          >
            {t('common.clear')}
          </Button>
        </div>
      </form>

      <ErrorAlert error={list.error} />
      {list.loading && !list.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <p role="status">{t('common.no_results')}</p>
      ) : (
        <>
          <p className="muted" role="status">
            {t('users.showing', { from: filters.offset + 1, to: filters.offset + items.length })}
          </p>
          <div className="table-wrap">
            <table className="table table-stack">
              <caption className="sr-only">{t('users.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('users.field.username')}</th>
                  <th scope="col">{t('users.field.name')}</th>
                  <th scope="col">{t('users.field.role')}</th>
                  <th scope="col">{t('users.field.posting')}</th>
                  <th scope="col">{t('common.status')}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((u) => (
                  <tr key={u.id}>
                    <td data-label={t('users.field.username')}>
                      <Link to={`/admin/users/${u.id}`}>{u.username}</Link>
                    </td>
                    <td data-label={t('users.field.name')}>{localName(lang, u)}</td>
                    <td data-label={t('users.field.role')}>{t(`role.${u.role}`)}</td>
                    <td data-label={t('users.field.posting')}>{postingLabel(lang, structure, u) || '—'}</td>
                    <td data-label={t('common.status')}>
                      <UserStatus user={u} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <nav className="button-row" aria-label={t('users.paging')}>
            {filters.offset > 0 && (
              <Button variant="secondary" onClick={() => go({ ...filters, offset: Math.max(0, filters.offset - PAGE) })}>
                {t('users.previous')}
              </Button>
            )}
            {items.length === PAGE && (
              <Button variant="secondary" onClick={() => go({ ...filters, offset: filters.offset + PAGE })}>
                {t('users.next')}
              </Button>
            )}
          </nav>
        </>
      )}
    </Page>
  );
}

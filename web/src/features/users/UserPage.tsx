import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api.ts';
import { localName, useT } from '../../i18n/index.tsx';
import { Link, useParams } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { can } from '../../policy.ts';
import { Button, Dialog, ErrorAlert, Facts, Loading, Notice, Page } from '../../components/ui.tsx';
import { requireFields } from '../../components/errors.ts';
import { useAction, useFetch } from '../../components/hooks.ts';
import { formatDateTime } from '../../lib/format.ts';
import { postingLabel, useStructure } from '../org/structure.ts';
import { draftToBody, postingField, UserForm, type UserDraft } from './UserForm.tsx';
import { TemporaryPassword } from './TemporaryPassword.tsx';
import { UserStatus } from './UserStatus.tsx';
import type { AdminUser } from './types.ts';

type ActionId = 'disable' | 'enable' | 'temporary-password' | 'end-sessions' | 'unlock' | 'mfa/reset';

const toDraft = (u: AdminUser): UserDraft => ({
  username: u.username,
  name: u.name,
  nameHi: u.nameHi ?? '',
  email: u.email ?? '',
  mobile: u.mobile ?? '',
  role: u.role,
  rank: u.rank ?? '',
  stationId: u.stationId ?? '',
  subdivisionId: u.subdivisionId ?? '',
  districtId: u.districtId ?? '',
});

/**
 * One user: their details, an edit form (role, posting; sent with the version read, so a
 * change made meanwhile by someone else is refused, not overwritten), and the account actions.
 */
export default function UserPage() {
  const { t, lang } = useT();
  const { id } = useParams();
  const { user: me } = useSession();
  const { structure } = useStructure();
  const loaded = useFetch<AdminUser>(`/admin/users/${encodeURIComponent(id)}`);
  const u = loaded.data;
  const [draft, setDraft] = useState<UserDraft | undefined>();
  const [saved, setSaved] = useState(false);
  const [done, setDone] = useState<string | undefined>();
  const [tempPw, setTempPw] = useState<string | undefined>();
  const [confirming, setConfirming] = useState<ActionId | undefined>();
  const canManage = !!me && can(me.role, 'users.manage');

  useEffect(() => {
    if (u) setDraft(toDraft(u));
  }, [u]);

  const save = useAction(async () => {
    if (!u || !draft) return;
    setSaved(false);
    const field = postingField(draft.role);
    requireFields(draft as unknown as Record<string, unknown>, ['name', 'role', ...(field ? [field] : [])]);
    const body = draftToBody(draft, { includeUsername: false });
    const next = await api.patch<AdminUser>(`/admin/users/${u.id}`, { ...body, version: u.version });
    loaded.setData(next);
    setSaved(true);
  });

  const act = useAction(async (action: ActionId) => {
    if (!u) return;
    setDone(undefined);
    setTempPw(undefined);
    type Answer = Partial<AdminUser> & {
      temporaryPassword?: string;
      ended?: number;
      sessionsEnded?: number;
      wasLocked?: boolean;
      wasEnabled?: boolean;
    };
    const r = await api.post<Answer>(`/admin/users/${u.id}/${action}`, {});
    if (r && typeof r === 'object' && 'version' in r && 'username' in r) loaded.setData(r as AdminUser);
    else loaded.reload();
    if (action === 'temporary-password' && r?.temporaryPassword) setTempPw(r.temporaryPassword);
    let key = `users.done.${action.replace('/', '_')}`;
    if (action === 'unlock' && r?.wasLocked === false) key = 'users.done.unlock_not_locked';
    if (action === 'mfa/reset' && r?.wasEnabled === false) key = 'users.done.mfa_reset_not_enabled';
    if (action === 'end-sessions' && typeof r?.ended === 'number') key = 'users.done.end-sessions_count';
    setDone(t(key, { count: r?.ended ?? r?.sessionsEnded ?? 0 }));
  });

  if (loaded.loading && !u) return <Loading />;
  if (!u || !draft)
    return (
      <Page title={t('users.title')}>
        <ErrorAlert error={loaded.error} />
        <Link to="/admin/users">{t('users.back_to_list')}</Link>
      </Page>
    );

  const stale = save.error instanceof ApiError && save.error.code === 'stale_version';
  const locked = !!u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();
  // Lock and 2FA state show when the server reports them; otherwise both buttons stay offered.
  const actions: { id: ActionId; show: boolean; variant: 'secondary' | 'danger'; confirm: boolean }[] = [
    { id: 'disable', show: !u.disabled, variant: 'danger', confirm: true },
    { id: 'enable', show: u.disabled, variant: 'secondary', confirm: false },
    { id: 'temporary-password', show: !u.disabled, variant: 'secondary', confirm: true },
    { id: 'end-sessions', show: true, variant: 'secondary', confirm: true },
    { id: 'unlock', show: can(me!.role, 'users.unlock') && (locked || u.lockedUntil === undefined), variant: 'secondary', confirm: false },
    { id: 'mfa/reset', show: can(me!.role, 'users.mfa_reset') && u.mfaEnabled !== false, variant: 'danger', confirm: true },
  ];
  const key = (a: ActionId) => a.replace('/', '_');

  return (
    <Page title={`${localName(lang, u)} (${u.username})`} actions={<Link to="/admin/users">{t('users.back_to_list')}</Link>}>
      <section className="panel" aria-labelledby="u-facts">
        <h2 id="u-facts">{t('common.details')}</h2>
        <Facts
          items={[
            [t('users.field.username'), u.username],
            [t('users.field.role'), t(`role.${u.role}`)],
            [t('users.field.rank'), u.rank ? t(`rank.${u.rank}`) : '—'],
            [t('users.field.posting'), postingLabel(lang, structure, u) || '—'],
            [t('users.field.email'), u.email ?? '—'],
            [t('users.field.mobile'), u.mobile ?? '—'],
            [t('users.field.created'), formatDateTime(u.createdAt, lang)],
            [t('common.status'), <UserStatus key="s" user={u} />],
          ]}
        />
      </section>

      {canManage && (
        <section className="panel" aria-labelledby="u-actions">
          <h2 id="u-actions">{t('users.actions')}</h2>
          {done && <Notice kind="success">{done}</Notice>}
          {tempPw && <TemporaryPassword username={u.username} password={tempPw} intro={t('users.temp.issued', { username: u.username })} />}
          <ErrorAlert error={act.error} />
          <div className="button-row">
            {actions
              .filter((a) => a.show)
              .map((a) => (
                <Button
                  key={a.id}
                  variant={a.variant}
                  busy={act.busy}
                  onClick={() => (a.confirm ? setConfirming(a.id) : void act.run(a.id))}
                >
                  {t(`users.action.${key(a.id)}`)}
                </Button>
              ))}
          </div>
          <Dialog
            open={!!confirming}
            title={confirming ? t(`users.action.${key(confirming)}`) : ''}
            onClose={() => setConfirming(undefined)}
            describedBy="u-confirm-text"
          >
            <p id="u-confirm-text">{confirming ? t(`users.confirm.${key(confirming)}`, { username: u.username }) : ''}</p>
            <div className="button-row">
              <Button
                variant={confirming === 'disable' || confirming === 'mfa/reset' ? 'danger' : 'primary'}
                onClick={() => {
                  const a = confirming;
                  setConfirming(undefined);
                  if (a) void act.run(a);
                }}
              >
                {confirming ? t(`users.action.${key(confirming)}`) : ''}
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(undefined)}>
                {t('common.cancel')}
              </Button>
            </div>
          </Dialog>
        </section>
      )}

      {canManage && (
        <section className="panel" aria-labelledby="u-edit">
          <h2 id="u-edit">{t('users.edit_title')}</h2>
          <p className="hint">{t('users.edit_hint')}</p>
          {saved && <Notice kind="success">{t('common.saved')}</Notice>}
          {stale && (
            <p>
              <Button
                variant="secondary"
                onClick={() => {
                  save.setError(null);
                  loaded.reload();
                }}
              >
                {t('users.reload')}
              </Button>
            </p>
          )}
          <UserForm
            idPrefix="eu-"
            draft={draft}
            onChange={setDraft}
            structure={structure}
            error={save.error}
            busy={save.busy}
            onSubmit={() => void save.run()}
            submitLabel={t('common.save')}
            withUsername={false}
          />
        </section>
      )}
    </Page>
  );
}

import { useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { navigate } from '../../router.tsx';
import { useSession } from '../../session.tsx';
import { Button, ErrorAlert, Notice, Page } from '../../components/ui.tsx';
import { fieldErrorsOf, requireFields } from '../../components/errors.ts';
import { useAction } from '../../components/hooks.ts';
import { PasswordInput } from '../auth/PasswordInput.tsx';
import { NewPasswordFields, newPasswordProblems } from './NewPasswordFields.tsx';

/**
 * Change your password. Reached on purpose from the account menu, or forced after a login with
 * a temporary password from an administrator (the server refuses everything else until then).
 */
export default function PasswordChangePage() {
  const { t } = useT();
  const { user, refresh } = useSession();
  const forced = !!user?.passwordTemporary;
  const [current, setCurrent] = useState('');
  const [pw, setPw] = useState('');
  const [confirm, setConfirm] = useState('');
  const [done, setDone] = useState(false);

  const change = useAction(async () => {
    requireFields({ currentPassword: current }, ['currentPassword'], newPasswordProblems(pw, confirm));
    await api.post('/auth/password/change', { currentPassword: current, newPassword: pw }, { quiet: true });
    setCurrent('');
    setPw('');
    setConfirm('');
    await refresh();
    setDone(true);
    if (forced) navigate('/', { replace: true });
  });
  const fe = fieldErrorsOf(change.error, t);

  return (
    <Page title={t('account.password.title')} narrow>
      {forced && <Notice kind="warning">{t('account.password.forced')}</Notice>}
      {done && !forced && <Notice kind="success">{t('account.password.changed')}</Notice>}
      <form
        className="form card"
        noValidate
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          void change.run();
        }}
      >
        <ErrorAlert
          error={change.error}
          idPrefix="pwc-"
          fieldLabels={{
            currentPassword: t('account.password.current'),
            newPassword: t('account.password.new'),
            confirmPassword: t('account.password.confirm'),
          }}
        />
        <PasswordInput
          id="pwc-currentPassword"
          name="currentPassword"
          label={forced ? t('account.password.current_temporary') : t('account.password.current')}
          autoComplete="current-password"
          required
          value={current}
          error={fe.currentPassword}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <NewPasswordFields idPrefix="pwc-" value={pw} confirm={confirm} onChange={setPw} onConfirmChange={setConfirm} errors={fe} />
        <p className="hint">{t('account.password.other_sessions')}</p>
        <div className="button-row">
          <Button type="submit" busy={change.busy}>
            {t('account.password.submit')}
          </Button>
        </div>
      </form>
    </Page>
  );
}

import { useState } from 'react';
import { api } from '../../api.ts';
import { useT } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { ErrorAlert, Page } from '../../components/ui.tsx';
import { requireFields } from '../../components/errors.ts';
import { useAction } from '../../components/hooks.ts';
import { useStructure } from '../org/structure.ts';
import { draftToBody, emptyDraft, postingField, UserForm, type UserDraft } from './UserForm.tsx';
import { TemporaryPassword } from './TemporaryPassword.tsx';
import type { AdminUser } from './types.ts';

/** Create a user; the temporary password is shown once, to be handed over in person. */
export default function NewUserPage() {
  const { t } = useT();
  const { structure, error: structureError } = useStructure();
  const [draft, setDraft] = useState<UserDraft>(emptyDraft);
  const [created, setCreated] = useState<{ user: AdminUser; temporaryPassword: string } | undefined>();

  const create = useAction(async () => {
    const field = postingField(draft.role);
    requireFields(draft as unknown as Record<string, unknown>, ['username', 'name', 'role', ...(field ? [field] : [])]);
    setCreated(
      await api.post<{ user: AdminUser; temporaryPassword: string }>('/admin/users', draftToBody(draft, { includeUsername: true })),
    );
  });

  if (created)
    return (
      <Page title={t('users.created_title')}>
        <TemporaryPassword
          username={created.user.username}
          password={created.temporaryPassword}
          intro={t('users.created_body', { username: created.user.username })}
        />
        <div className="button-row">
          <Link to={`/admin/users/${created.user.id}`} className="btn btn-primary">
            {t('users.open_user')}
          </Link>
          <Link
            to="/admin/users/new"
            onClick={() => {
              setCreated(undefined);
              setDraft(emptyDraft);
            }}
          >
            {t('users.create_another')}
          </Link>
        </div>
      </Page>
    );

  return (
    <Page title={t('users.new_title')}>
      <ErrorAlert error={structureError} />
      <div className="card">
        <UserForm
          idPrefix="nu-"
          draft={draft}
          onChange={setDraft}
          structure={structure}
          error={create.error}
          busy={create.busy}
          onSubmit={() => void create.run()}
          submitLabel={t('users.create')}
          withUsername
        />
      </div>
    </Page>
  );
}

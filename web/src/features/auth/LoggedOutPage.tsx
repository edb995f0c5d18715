import { useT } from '../../i18n/index.tsx';
import { Link } from '../../router.tsx';
import { Notice, Page } from '../../components/ui.tsx';

/** Shown after Logout: the session has ended on the server and the cookie is gone. */
export default function LoggedOutPage() {
  const { t } = useT();
  return (
    <Page title={t('auth.logged_out.title')} narrow>
      <Notice kind="success">{t('auth.logged_out.body')}</Notice>
      <p>{t('auth.logged_out.shared_computer')}</p>
      <p>
        <Link to="/login" className="btn btn-primary">
          {t('auth.logged_out.again')}
        </Link>
      </p>
    </Page>
  );
}

import { useT } from '../../i18n/index.tsx';
import { CopyButton, Notice } from '../../components/ui.tsx';

/** A temporary password, shown this once: the server keeps only its hash. */
export function TemporaryPassword({ username, password, intro }: { username: string; password: string; intro: string }) {
  const { t } = useT();
  return (
    <div className="panel">
      <Notice kind="success">{intro}</Notice>
      <p>
        <span id="tmp-pw-label">{t('users.temp.label', { username })}</span>
      </p>
      <p className="button-row">
        <output className="secret-box" aria-labelledby="tmp-pw-label" data-testid="temporary-password">
          {password}
        </output>
        <CopyButton text={password} />
      </p>
      <Notice kind="warning" live={false}>
        {t('users.temp.once')}
      </Notice>
    </div>
  );
}

import { useT } from '../../i18n/index.tsx';
import { PasswordInput } from '../auth/PasswordInput.tsx';
import { StrengthMeter } from './StrengthMeter.tsx';
import { MAX_PASSWORD_LENGTH } from './strength.ts';

/** "New password" with its strength meter, and "Confirm new password". */
export function NewPasswordFields({
  idPrefix,
  value,
  confirm,
  onChange,
  onConfirmChange,
  errors,
  username,
}: {
  idPrefix: string;
  value: string;
  confirm: string;
  onChange: (v: string) => void;
  onConfirmChange: (v: string) => void;
  errors: Record<string, string>;
  username?: string;
}) {
  const { t } = useT();
  const meterId = `${idPrefix}strength`;
  return (
    <>
      <PasswordInput
        id={`${idPrefix}newPassword`}
        name="newPassword"
        label={t('account.password.new')}
        hint={t('account.password.rules')}
        autoComplete="new-password"
        maxLength={MAX_PASSWORD_LENGTH}
        required
        value={value}
        error={errors.newPassword}
        describedBy={meterId}
        onChange={(e) => onChange(e.target.value)}
      />
      <StrengthMeter id={meterId} password={value} username={username} />
      <PasswordInput
        id={`${idPrefix}confirmPassword`}
        name="confirmPassword"
        label={t('account.password.confirm')}
        autoComplete="new-password"
        maxLength={MAX_PASSWORD_LENGTH}
        required
        value={confirm}
        error={errors.confirmPassword}
        onChange={(e) => onConfirmChange(e.target.value)}
      />
    </>
  );
}

/** Browser-side checks of a new password; message keys by field. */
export function newPasswordProblems(pw: string, confirm: string): Record<string, string> {
  const p: Record<string, string> = {};
  if (!pw) p.newPassword = 'common.required';
  else if ([...pw].length < 12) p.newPassword = 'account.strength.reason.too_short';
  else if ([...pw].length > MAX_PASSWORD_LENGTH) p.newPassword = 'account.strength.reason.too_long';
  if (pw && confirm !== pw) p.confirmPassword = 'account.password.mismatch';
  return p;
}

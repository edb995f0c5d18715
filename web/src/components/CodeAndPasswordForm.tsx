import type { Dispatch, SetStateAction } from 'react';
import { useT } from '../i18n/index.tsx';
import { NewPasswordFields, newPasswordProblems } from '../features/account/NewPasswordFields.tsx';
import { fieldErrorsOf, requireFields } from './errors.ts';
import { ActionForm, type FormAction } from './forms.tsx';
import { TextField } from './ui.tsx';

/** What the user typed at the code step: the one-time code, and the new password twice. */
export interface CodeAndPassword {
  otp: string;
  password: string;
  confirm: string;
}

export const noCodeAndPassword: CodeAndPassword = { otp: '', password: '', confirm: '' };

/**
 * Checks the code step before it is sent (a ClientError naming the fields: the code is required,
 * the password must pass newPasswordProblems) and returns the code as the server takes it,
 * without the spaces a user may type in it.
 */
export function checkedCode(v: CodeAndPassword): string {
  requireFields({ otp: v.otp }, ['otp'], newPasswordProblems(v.password, v.confirm));
  return v.otp.replace(/\s+/g, '');
}

/**
 * The second step of a password reset or a sign-up, as a card: the 6-digit code that was sent
 * and the new password typed twice, with its strength meter. The server names the password
 * `newPassword` (reset) or `password` (sign-up); either error shows at the new-password field.
 * `onResend` goes back to the first step for a new code; what was typed stays with the caller.
 */
export function CodeAndPasswordForm({
  action,
  idPrefix,
  value,
  onChange,
  username,
  text,
  onResend,
}: {
  action: FormAction;
  idPrefix: string;
  value: CodeAndPassword;
  onChange: Dispatch<SetStateAction<CodeAndPassword>>;
  /** Whose password it is: the strength meter counts a password made of it as weak. */
  username: string;
  text: { otp: string; otpHint: string; submit: string; resend: string };
  onResend: () => void;
}) {
  const { t } = useT();
  const fe = fieldErrorsOf(action.error, t);
  return (
    <ActionForm
      action={action}
      className="form card"
      idPrefix={idPrefix}
      fieldIds={{ password: 'newPassword' }}
      fieldLabels={{
        otp: text.otp,
        newPassword: t('account.password.new'),
        password: t('account.password.new'),
        confirmPassword: t('account.password.confirm'),
      }}
      submit={text.submit}
      buttonRow={
        <button type="button" className="btn btn-link" onClick={onResend}>
          {text.resend}
        </button>
      }
    >
      <TextField
        id={`${idPrefix}otp`}
        name="otp"
        label={text.otp}
        hint={text.otpHint}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        className="field-code"
        required
        value={value.otp}
        error={fe.otp}
        onChange={(e) => onChange((v) => ({ ...v, otp: e.target.value }))}
      />
      <NewPasswordFields
        idPrefix={idPrefix}
        value={value.password}
        confirm={value.confirm}
        onChange={(password) => onChange((v) => ({ ...v, password }))}
        onConfirmChange={(confirm) => onChange((v) => ({ ...v, confirm }))}
        errors={{ ...fe, newPassword: fe.newPassword ?? fe.password }}
        username={username}
      />
    </ActionForm>
  );
}

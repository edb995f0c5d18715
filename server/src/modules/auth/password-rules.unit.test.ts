import { describe, expect, it } from 'vitest';
import { commonPasswordList, isCommonPassword } from './common-passwords.js';
import { checkPasswordRules, passwordLength, passwordStrength } from './password-rules.js';

const check = (p: string, ctx = {}) => checkPasswordRules(p, ctx, isCommonPassword);
const codes = (p: string, ctx = {}) => check(p, ctx).reasons.map((r) => r.code);

describe('password rules', () => {
  it('bundles at least 10,000 common or breached passwords, with the classics, compared case-insensitively', () => {
    expect(commonPasswordList().size).toBeGreaterThanOrEqual(10_000);
    for (const p of ['password', '123456', 'qwerty', 'iloveyou', 'admin@123', 'india@123', 'Password', 'QWERTY', 'India@123', 'ADMIN@123'])
      expect(isCommonPassword(p), p).toBe(true);
    expect(isCommonPassword('monsoon clouds over the vindhya range')).toBe(false);
  });

  it('refuses a common password of allowed length, whatever its case or spacing', () => {
    for (const p of [
      'passwordpassword',
      'PasswordPassword',
      'India@12345678',
      'JaiShreeRam@123',
      'qwertyuiop123',
      '123456789012',
      'pass word 1234',
    ])
      expect(codes(p), p).toContain('common');
  });

  it('takes 12 to 128 characters counted as the user sees them, any script and spaces, no composition rules', () => {
    expect(codes('short one')).toEqual(['too_short']);
    expect(check('all lower case words here').ok).toBe(true);
    expect(check('थाने की चाय बहुत मीठी है').ok).toBe(true);
    // 12 Devanagari characters are 12, though more UTF-16 units.
    const hindi12 = 'कखगघङचछजझञटठ';
    expect(passwordLength(hindi12)).toBe(12);
    expect(codes(hindi12)).not.toContain('too_short');
    expect(codes('x'.repeat(128))).not.toContain('too_long');
    expect(codes('xy'.repeat(65))).toContain('too_long');
  });

  it('refuses a password containing the username, the user’s name or the station’s name, naming the field in both languages', () => {
    const ctx = { username: 'sunita.verma', names: ['Sunita Verma', 'सुनीता वर्मा'], stationNames: ['Kotwali', 'कोतवाली'] };
    expect(codes('my login is sunita.verma ok', ctx)).toContain('contains_username');
    expect(codes('my login is SunitaVerma!!', ctx)).toEqual(expect.arrayContaining(['contains_username', 'contains_name']));
    expect(codes('verma family trip to goa', ctx)).toContain('contains_name');
    expect(codes('सुनीता की नई साइकिल 2024', ctx)).toContain('contains_name');
    expect(codes('night duty at KOTWALI thana', ctx)).toContain('contains_station');
    expect(codes('कोतवाली में रात की ड्यूटी', ctx)).toContain('contains_station');
    expect(check('monsoon clouds over the vindhya range', ctx).ok).toBe(true);
    const r = check('kotwali', ctx).reasons;
    for (const reason of r) {
      expect(reason.field).toBe('newPassword');
      expect(reason.message).toBeTruthy();
      expect(reason.messageHi).toMatch(/[\u0900-\u097F]/);
    }
  });

  it('estimates strength from 0 to 4, and 0 whenever a rule is broken', () => {
    expect(check('password1234').strength).toBe(0);
    expect(passwordStrength('aaaaaaaaaaaa')).toBeLessThanOrEqual(1);
    expect(check('monsoon clouds over the vindhya range').strength).toBe(4);
    const s = passwordStrength('Tiger2024!abc');
    expect(s).toBeGreaterThanOrEqual(0);
    expect(s).toBeLessThanOrEqual(4);
  });
});

import { describe, expect, it } from 'vitest';
import { maskDocNumber, normaliseAadhaar, normaliseDocNumber, normalisePhone, verhoeffDigit, verhoeffValid } from './identity.js';

describe('identity document numbers', () => {
  it('accepts an Aadhaar number only with its Verhoeff check digit, as printed or plain', () => {
    const n = `23456789012${verhoeffDigit('23456789012')}`;
    expect(verhoeffValid(n)).toBe(true);
    expect(normaliseAadhaar(`${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}`)).toBe(n);
    expect(normaliseAadhaar(`${n.slice(0, 11)}${(Number(n[11]) + 1) % 10}`)).toBeUndefined();
    expect(normaliseAadhaar(`1${n.slice(1)}`)).toBeUndefined(); // never starts with 0 or 1
    expect(normaliseAadhaar('12345')).toBeUndefined();
  });

  it('masks Aadhaar as UIDAI does and other documents to their last four', () => {
    expect(maskDocNumber('aadhaar', '234567890124')).toBe('XXXX-XXXX-0124');
    expect(maskDocNumber('voter_id', 'XAV1234567')).toBe('XXXXXX4567');
  });

  it('checks PAN and passport shapes and normalises others to letters and digits', () => {
    expect(normaliseDocNumber('pan', 'abcde1234f')).toBe('ABCDE1234F');
    expect(normaliseDocNumber('pan', 'ABCDE12345')).toBeUndefined();
    expect(normaliseDocNumber('passport', 'k 1234567')).toBe('K1234567');
    expect(normaliseDocNumber('driving_licence', 'MP-04 2011 0012345')).toBe('MP0420110012345');
  });

  it('normalises Indian phone numbers', () => {
    for (const p of ['9826011111', '+91 98260 11111', '09826011111', '91-9826011111']) expect(normalisePhone(p)).toBe('9826011111');
    expect(normalisePhone('12')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { editBody, rebase, type EditValues } from './details.ts';

const base: EditValues = {
  name: 'Rajesh Kumar Srivastava',
  nameHi: '',
  fatherName: 'Ramesh Chandra Srivastava',
  motherName: '',
  spouseName: '',
  sex: 'male',
  birthDate: '',
  age: '34',
  heightCm: '170',
  build: 'medium',
  complexion: '',
  occupation: 'Driver',
  notes: '',
};

describe('the correction of a person’s core fields', () => {
  it('sends the version and only the fields the officer changed', () => {
    const r = editBody(base, { ...base, motherName: ' Sushila Devi ', heightCm: '172' }, 3);
    expect(r.problems).toEqual({});
    expect(r.body).toEqual({ version: 3, motherName: 'Sushila Devi', heightCm: 172 });
  });

  it('sends a cleared field as null, a cleared sex as unknown, and an age as years', () => {
    const r = editBody(base, { ...base, occupation: '', build: '', sex: '', age: '35' }, 1);
    expect(r.body).toEqual({ version: 1, occupation: null, build: null, sex: 'unknown', age: { years: 35 } });
  });

  it('refuses an emptied name and a height or age that is not a whole number, before sending', () => {
    const r = editBody(base, { ...base, name: '  ', heightCm: '5.6 ft', age: '-3' }, 1);
    expect(r.problems).toEqual({ name: 'common.required', heightCm: 'people.edit.whole_number', age: 'people.edit.whole_number' });
    expect(r.body).toEqual({ version: 1 });
  });

  it('finds nothing changed when only spaces were added', () => {
    expect(editBody(base, { ...base, occupation: 'Driver ' }, 1).changed).toEqual([]);
  });

  it('after a 412 keeps the officer’s own changes on the reloaded record and takes the rest from it', () => {
    const draft = { ...base, heightCm: '172' };
    const next = { ...base, occupation: 'Auto-rickshaw driver', heightCm: '170' };
    const merged = rebase(base, draft, next);
    expect(merged).toEqual({ ...next, heightCm: '172' });
    // Saving again sends only the officer's change, not the other person's occupation back.
    expect(editBody(next, merged, 2).body).toEqual({ version: 2, heightCm: 172 });
  });
});

import { describe, expect, it } from 'vitest';
import { matchQueryOf } from './person-match.ts';

describe('the match query of the add-person form', () => {
  it('asks nothing until the name has 2 letters', () => {
    expect(matchQueryOf({})).toBeNull();
    expect(matchQueryOf({ 'person.name': ' R ' })).toBeNull();
    expect(matchQueryOf({ 'person.name': 'R K' })).toMatchObject({ name: 'R K' });
    expect(matchQueryOf({ 'person.name': 'रा' })).toMatchObject({ name: 'रा' });
  });

  it('sends the details that help the ranking, trimmed', () => {
    expect(
      matchQueryOf({
        role: 'accused',
        'person.name': ' Rajesh Shrivastav ',
        'person.fatherName': 'Ramesh Chandra Srivastava',
        'person.sex': 'male',
        'person.ageYears': '35',
        'person.address': '12, Gandhi Nagar',
        'person.phone': '98260 11111',
        description: 'not a match detail',
      }),
    ).toEqual({
      name: 'Rajesh Shrivastav',
      fatherName: 'Ramesh Chandra Srivastava',
      sex: 'male',
      age: { years: 35 },
      address: '12, Gandhi Nagar',
      phones: ['9826011111'],
      limit: 5,
    });
  });

  it('leaves out a half-typed or impossible age, date or phone instead of sending what the server refuses', () => {
    const q = matchQueryOf({ 'person.name': 'Sonu', 'person.ageYears': '3.5', 'person.phone': '98260', 'person.birthDate': '2001-0' });
    expect(q).toEqual({ name: 'Sonu', limit: 5 });
    expect(matchQueryOf({ 'person.name': 'Sonu', 'person.ageYears': '200' })).not.toHaveProperty('age');
    // A date of birth, once whole, is sent instead of the age.
    expect(matchQueryOf({ 'person.name': 'Sonu', 'person.ageYears': '30', 'person.birthDate': '1995-04-01' })).toEqual({
      name: 'Sonu',
      birthDate: '1995-04-01',
      limit: 5,
    });
  });
});

import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { fieldErrors } from './field-errors';

const refusal = (message: string, extensions: Record<string, unknown>) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extensions } })] });

describe('fieldErrors', () => {
  it.each([
    [
      'one field',
      refusal('jam selesai harus setelah jam mulai', { field: 'entries.0.endTime' }),
      { 'entries.0.endTime': 'jam selesai harus setelah jam mulai' },
    ],
    [
      'every field listed',
      refusal('Dua isian salah.', {
        fields: [
          { field: 'reason', message: 'Isi alasannya.' },
          { field: 'weekdays', message: 'Pilih harinya.' },
        ],
      }),
      { reason: 'Isi alasannya.', weekdays: 'Pilih harinya.' },
    ],
    ['fields as a map', refusal('Dua isian salah.', { fields: { title: 'Isi judulnya.' } }), { title: 'Isi judulnya.' }],
    ['no field: left to the message', refusal('Layanan sedang sibuk.', {}), {}],
  ])('%s', (_, error, expected) => {
    expect(fieldErrors(error)).toEqual(expected);
  });

  it('answers nothing without an error', () => {
    expect(fieldErrors(undefined)).toEqual({});
  });
});

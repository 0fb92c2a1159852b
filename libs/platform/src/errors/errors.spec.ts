import { GraphQLError } from 'graphql';
import {
  AppError,
  badInput,
  classifyError,
  conflict,
  FieldChecks,
  forbidden,
  isDatabaseBusy,
  notFound,
  SERVICE_BUSY_MESSAGE,
} from './errors';

const inResolver = (original: Error) => new GraphQLError(original.message, { path: ['decideApproval'], originalError: original });
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('database busy errors', () => {
  it.each([
    ['statement_timeout', pgError('57014', 'canceling statement due to statement timeout')],
    ['lock_timeout', pgError('55P03', 'canceling statement due to lock timeout')],
    ['idle-in-transaction timeout', pgError('25P03', 'terminating connection due to idle-in-transaction timeout')],
    ['TypeORM wrapping the driver error', Object.assign(new Error('x'), { driverError: pgError('55P03', 'lock timeout') })],
    ['the pool acquire timeout', new Error('timeout exceeded when trying to connect')],
    ['a connection the server ended', new Error('Connection terminated unexpectedly')],
    ['an unreachable server', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
  ])('%s is SERVICE_UNAVAILABLE with a message a person can act on, never the PostgreSQL text', (_, error) => {
    expect(isDatabaseBusy(error)).toBe(true);
    expect(classifyError(inResolver(error))).toEqual({ code: 'SERVICE_UNAVAILABLE', message: SERVICE_BUSY_MESSAGE.id, internal: false });
    expect(classifyError(inResolver(error), 'en').message).toBe('The service is busy; try again in a moment.');
  });

  it('finds the cause of a wrapped failure', () => {
    expect(isDatabaseBusy(new Error('signing failed', { cause: pgError('57014', 'timeout') }))).toBe(true);
  });

  it.each([
    ['a unique violation', pgError('23505', 'duplicate key value violates unique constraint')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
  ])('%s stays an internal error', (_, error) => {
    expect(isDatabaseBusy(error)).toBe(false);
    expect(classifyError(inResolver(error)).code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('keeps a coded SERVICE_UNAVAILABLE of our own, with its message', () => {
    const own = new AppError('SERVICE_UNAVAILABLE', {
      id: 'Layanan tanda tangan elektronik BSrE tidak menjawab.',
      en: 'The BSrE electronic signature service does not answer.',
    });
    expect(classifyError(inResolver(own))).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: own.message });
  });
});

describe('messages in the request language', () => {
  const bad = badInput({ id: 'Nama wajib diisi.', en: 'The name is required.' }, { field: 'name' });

  it('answers Indonesian by default and English when asked, the field list too', () => {
    expect(classifyError(inResolver(bad))).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'Nama wajib diisi.',
      details: { field: 'name', fields: [{ field: 'name', message: 'Nama wajib diisi.' }] },
      internal: false,
    });
    expect(classifyError(inResolver(bad), 'en')).toMatchObject({
      message: 'The name is required.',
      details: { fields: [{ field: 'name', message: 'The name is required.' }] },
    });
  });

  it('never puts an id in a not-found message', () => {
    expect(classifyError(inResolver(notFound({ id: 'Surat', en: 'Letter' })), 'en').message).toBe('Letter was not found.');
    expect(notFound({ id: 'Surat', en: 'Letter' }).message).toBe('Surat tidak ditemukan.');
  });
});

describe('FieldChecks', () => {
  it('collects every bad field and throws them together', () => {
    const checks = new FieldChecks();
    const name = checks.run((): string => {
      throw badInput({ id: 'Nama wajib diisi.', en: 'The name is required.' }, { field: 'name' });
    }, '');
    checks.add('date', { id: 'Tanggal ada di masa depan.', en: 'The date lies in the future.' });
    expect(name).toBe('');
    let thrown: unknown;
    try {
      checks.done();
    } catch (error) {
      thrown = error;
    }
    const client = classifyError(inResolver(thrown as Error), 'en');
    expect(client.message).toBe('2 fields need fixing. The name is required. The date lies in the future.');
    expect(client.details?.fields).toEqual([
      { field: 'name', message: 'The name is required.' },
      { field: 'date', message: 'The date lies in the future.' },
    ]);
  });

  it('lets a refusal that names no field through at once', () => {
    const checks = new FieldChecks();
    expect(() =>
      checks.run(() => {
        throw forbidden();
      }, null),
    ).toThrow(AppError);
    expect(() => checks.done()).not.toThrow();
  });

  it('names the field of a rule that refuses without naming one, when told which it is', () => {
    const checks = new FieldChecks();
    const refuse = () => {
      throw badInput({ id: 'Bukan alamat e-mail.', en: 'Not an e-mail address.' });
    };
    expect(() => checks.run(refuse, null)).toThrow(AppError);
    expect(checks.run(refuse, null, 'email')).toBeNull();
    expect(() => checks.done()).toThrow(
      expect.objectContaining({
        details: { field: 'email', fields: [{ field: 'email', message: { id: 'Bukan alamat e-mail.', en: 'Not an e-mail address.' } }] },
      }),
    );
  });

  it('keeps the database checks of a field with the rest, and their own code when they are alone', async () => {
    const duplicate = () => conflict({ id: 'NIP itu sudah dipakai.', en: 'That NIP is taken.' });
    const mixed = new FieldChecks();
    mixed.add('name', { id: 'Nama wajib diisi.', en: 'The name is required.' });
    await mixed.runAsync(() => Promise.reject(duplicate()), null, 'nip');
    expect(() => mixed.done()).toThrow(
      expect.objectContaining({
        code: 'BAD_USER_INPUT',
        details: expect.objectContaining({ fields: expect.arrayContaining([expect.objectContaining({ field: 'nip' })]) }),
      }),
    );
    const alone = new FieldChecks();
    await alone.runAsync(() => Promise.reject(duplicate()), null, 'nip');
    alone.run(
      () => {
        throw notFound({ id: 'Jabatan', en: 'Position' });
      },
      null,
      'positionId',
    );
    expect(() => alone.done()).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    const onlyConflict = new FieldChecks();
    await onlyConflict.runAsync(() => Promise.reject(duplicate()), null, 'nip');
    expect(() => onlyConflict.done()).toThrow(
      expect.objectContaining({ code: 'CONFLICT', details: expect.objectContaining({ field: 'nip' }) }),
    );
    expect(() =>
      new FieldChecks().run(() => {
        throw notFound({ id: 'Jabatan', en: 'Position' });
      }, null),
    ).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});

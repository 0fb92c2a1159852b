import { REDACTED, redactSecrets, redactUrlSecrets } from './log-redaction';

describe('redactSecrets', () => {
  it.each([
    [
      'an Authorization header',
      { req: { headers: { authorization: 'Bearer abc', 'user-agent': 'curl' } } },
      { req: { headers: { authorization: REDACTED, 'user-agent': 'curl' } } },
    ],
    [
      'cookies both ways',
      { headers: { cookie: 'sid=1', 'set-cookie': ['a=1'] } },
      { headers: { cookie: REDACTED, 'set-cookie': REDACTED } },
    ],
    [
      'a password deep in GraphQL variables',
      { variables: { input: { credentials: { password: 'p' } } } },
      { variables: { input: { credentials: { password: REDACTED } } } },
    ],
    [
      'token and secret names in any case',
      { accessToken: 'a', refreshToken: 'r', token: 't', JWT_SECRET: 's', secret: 'x' },
      { accessToken: REDACTED, refreshToken: REDACTED, token: REDACTED, JWT_SECRET: REDACTED, secret: REDACTED },
    ],
    [
      'a passphrase and an MFA code',
      { passphrase: 'pp', code: '123456', newPassword: 'n' },
      { passphrase: REDACTED, code: REDACTED, newPassword: REDACTED },
    ],
    ['secrets inside arrays', { users: [{ nip: '1', password: 'p' }] }, { users: [{ nip: '1', password: REDACTED }] }],
  ])('redacts %s', (_name, input, expected) => {
    expect(redactSecrets(input)).toEqual(expected);
  });

  it('leaves empty values visible, so a log shows that nothing was sent', () => {
    expect(redactSecrets({ password: '', token: null, authorization: undefined })).toEqual({
      password: '',
      token: null,
      authorization: undefined,
    });
  });

  it('never changes the logged object and returns it untouched when there is nothing to hide', () => {
    const headers = { authorization: 'Bearer abc' };
    const logged = { req: { headers }, status: 200 };
    redactSecrets(logged);
    expect(headers.authorization).toBe('Bearer abc');
    const clean = { req: { method: 'GET', url: '/' }, tokens: 3 };
    expect(redactSecrets(clean)).toBe(clean);
  });

  it('leaves class instances such as errors to the serializers', () => {
    const err = Object.assign(new Error('boom'), { code: 'ECONNREFUSED' });
    expect(redactSecrets({ err }).err).toBe(err);
  });
});

describe('redactUrlSecrets', () => {
  it.each([
    ['/files/1/content?expires=1767000000&sig=abcDEF_-', `/files/1/content?expires=1767000000&sig=${REDACTED}`],
    [
      '/b/k?X-Amz-Credential=AK%2F2026&X-Amz-Date=20261130&X-Amz-Signature=deadbeef',
      `/b/k?X-Amz-Credential=${REDACTED}&X-Amz-Date=20261130&X-Amz-Signature=${REDACTED}`,
    ],
    ['/graphql', '/graphql'],
    ['/letters?signer=x', '/letters?signer=x'],
  ])('redacts the signature of %s', (url, expected) => {
    expect(redactUrlSecrets(url)).toBe(expected);
  });
});

import { signDownload, verifyDownload } from './download-token';

describe('download tokens', () => {
  const secret = 's'.repeat(40);
  const now = Date.UTC(2026, 10, 27, 8, 0, 0);
  const expires = now / 1000 + 300;
  const signature = signDownload(secret, 'file-1', expires);

  it('accepts its own signature before expiry', () => {
    expect(verifyDownload(secret, 'file-1', expires, signature, now)).toBe(true);
  });

  it.each([
    ['after expiry', 'file-1', expires, signature, now + 301_000],
    ['for another file', 'file-2', expires, signature, now],
    ['with a stretched expiry', 'file-1', expires + 3600, signature, now],
    ['with a forged signature', 'file-1', expires, signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')), now],
    ['with a truncated signature', 'file-1', expires, signature.slice(0, 10), now],
  ])('refuses a link %s', (_case, id, exp, sig, at) => {
    expect(verifyDownload(secret, id, exp, sig, at)).toBe(false);
  });
});

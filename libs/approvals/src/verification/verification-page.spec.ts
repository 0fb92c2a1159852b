import { NOT_GENUINE } from './document-verification.type';
import { escapeHtml, verificationPage } from './verification-page';

describe('verificationPage', () => {
  const valid = {
    valid: true,
    number: 'B-0001/DINAS/000.1.2/XI/2026',
    subject: 'Undangan <script>alert("x")</script> & rapat',
    signedAt: new Date('2026-11-27T07:30:00Z'),
    signerName: "Budi O'Hara",
    signerPosition: 'Plh. Kepala Dinas',
    sha256: 'ab'.repeat(32),
  };

  it('says a known document is valid and shows its facts, escaped', () => {
    const html = verificationPage(valid);
    expect(html).toContain('Dokumen ini sah');
    expect(html).toContain('B-0001/DINAS/000.1.2/XI/2026');
    expect(html).toContain('Undangan &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; rapat');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Budi O&#39;Hara');
    expect(html).toContain('27 November 2026 pukul 14.30 WIB');
    expect(html).toContain('Plh. Kepala Dinas');
    expect(verificationPage(valid, 'Asia/Jayapura')).toContain('27 November 2026 pukul 16.30 WIT');
  });

  it('leaves out a withheld subject', () => {
    expect(verificationPage({ ...valid, subject: null })).not.toContain('Perihal');
  });

  it('says an unknown code proves nothing', () => {
    const html = verificationPage(NOT_GENUINE);
    expect(html).toContain('Dokumen tidak ditemukan');
    expect(html).not.toContain('<table>');
  });

  it('escapes the five HTML metacharacters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

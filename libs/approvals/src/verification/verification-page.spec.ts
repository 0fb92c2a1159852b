import { NOT_GENUINE, VerificationResult } from './document-verification.type';
import { escapeHtml, VERIFICATION_PAGE_CSP, verificationPage } from './verification-page';
import type { Verification } from './verification.service';

describe('verificationPage', () => {
  const genuine: Verification = {
    timeZone: 'Asia/Jakarta',
    issuer: { name: 'Pemerintah Kabupaten Sleman', logo: { bytes: Buffer.from('png'), contentType: 'image/png' } },
    result: {
      valid: true,
      result: VerificationResult.GENUINE,
      issuer: 'Pemerintah Kabupaten Sleman',
      number: 'B-0001/DINAS/000.1.2/XI/2026',
      subject: 'Undangan <script>alert("x")</script> & rapat',
      signedAt: new Date('2026-11-27T07:30:00Z'),
      signerName: "Budi O'Hara",
      signerPosition: 'a.n. Kepala Dinas\nSekretaris',
      sha256: 'ab'.repeat(32),
    },
  };

  it('shows the institution, the letter and the position lines as printed, escaped', () => {
    const html = verificationPage(genuine);
    expect(html).toContain('Kode verifikasi ini milik surat yang ditandatangani secara elektronik');
    expect(html).toContain('<p class="issuer">Pemerintah Kabupaten Sleman</p>');
    expect(html).toContain('src="data:image/png;base64,cG5n"');
    expect(html).toContain('<td class="number">B-0001/<wbr>DINAS/<wbr>000.1.2/<wbr>XI/<wbr>2026</td>');
    expect(html).toContain('Undangan &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; rapat');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Budi O&#39;Hara');
    expect(html).toContain('a.n. Kepala Dinas<br>Sekretaris');
    expect(html).toContain('27 November 2026 pukul 14.30 WIB');
    expect(verificationPage({ ...genuine, timeZone: 'Asia/Jayapura' })).toContain('27 November 2026 pukul 16.30 WIT');
  });

  it('offers a form that sends a received PDF back to /verify, on every page', () => {
    for (const html of [verificationPage(genuine), verificationPage({ result: NOT_GENUINE, timeZone: 'Asia/Jakarta', issuer: null })]) {
      expect(html).toContain('<form method="post" action="/verify" enctype="multipart/form-data">');
      expect(html).toContain('name="file"');
    }
  });

  it.each([
    ['code', VerificationResult.UNKNOWN, 'Dokumen tidak ditemukan'],
    ['file', VerificationResult.GENUINE, 'Berkas ini asli'],
    ['file', VerificationResult.ALTERED, 'Berkas ini TELAH DIUBAH'],
    ['file', VerificationResult.UNKNOWN, 'Berkas ini tidak dikenal'],
  ] as const)('says what a %s check with result %s means', (checked, result, verdict) => {
    const html = verificationPage(
      { ...genuine, result: { ...genuine.result, result, valid: result === VerificationResult.GENUINE } },
      checked,
    );
    expect(html).toContain(verdict);
    expect(html.includes('<table>')).toBe(result !== VerificationResult.UNKNOWN);
  });

  it('leaves out a withheld subject and loads nothing from elsewhere', () => {
    const html = verificationPage({ ...genuine, result: { ...genuine.result, subject: null } });
    expect(html).not.toContain('Perihal');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(VERIFICATION_PAGE_CSP).toMatch(/^default-src 'none'/);
  });

  it('escapes the five HTML metacharacters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

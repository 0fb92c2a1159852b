import { VerificationResult } from './document-verification.type';
import type { Verification } from './verification.service';
import { zoneAbbreviation } from '@gesit/organisation';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** The page's policy: nothing from elsewhere; inline style, a logo as a data: image, and the form back to us. */
export const VERIFICATION_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

/** '27 November 2026 pukul 14.30 WIB': the signing time as people of the signing office read it. */
function signedAtText(at: Date, timeZone: string): string {
  return `${new Intl.DateTimeFormat('id-ID', {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(at)} ${zoneAbbreviation(timeZone)}`;
}

const VERDICTS: Record<'code' | 'file', Record<VerificationResult, string>> = {
  code: {
    GENUINE: '<p class="ok">Kode verifikasi ini milik surat yang ditandatangani secara elektronik melalui Gesit.</p>',
    ALTERED: '',
    UNKNOWN:
      '<p class="bad">Dokumen tidak ditemukan. Kode verifikasi ini tidak dikenal, sehingga keaslian dokumen tidak dapat dipastikan.</p>',
  },
  file: {
    GENUINE: '<p class="ok">Berkas ini asli: sama persis dengan surat yang ditandatangani secara elektronik melalui Gesit.</p>',
    ALTERED:
      '<p class="bad">Berkas ini TELAH DIUBAH: ia memuat kode verifikasi surat di bawah ini, tetapi isinya tidak sama dengan surat yang ditandatangani. Mintalah salinan asli kepada pengirim.</p>',
    UNKNOWN: '<p class="bad">Berkas ini tidak dikenal: bukan surat yang ditandatangani melalui Gesit.</p>',
  },
};

/**
 * The page a phone opens from the QR code, and the answer to a PDF checked from it: a small,
 * self-contained Indonesian HTML document with the institution, the letter's facts and a form to check
 * a received PDF. Words wrap between words; only the hash may break anywhere.
 */
export function verificationPage(verification: Verification, checked: 'code' | 'file' = 'code'): string {
  const { result, timeZone, issuer } = verification;
  const known = result.result !== VerificationResult.UNKNOWN;
  const rows: [string, string | null, string?][] = known
    ? [
        ['Instansi', result.issuer],
        ['Nomor surat', result.number, 'number'],
        ['Perihal', result.subject],
        ['Ditandatangani', result.signedAt ? signedAtText(result.signedAt, timeZone) : null],
        ['Penanda tangan', result.signerName],
        ['Jabatan', result.signerPosition],
        ['SHA-256 berkas asli', result.sha256, 'hash'],
      ]
    : [];
  const table = rows
    .filter(([, value]) => value)
    .map(([label, value, kind]) => {
      const lines = (value as string).split('\n').map(escapeHtml);
      // A letter number is one long "word": it may wrap after its slashes, as people write it.
      const html = kind === 'number' ? lines.map((line) => line.replace(/\//g, '/<wbr>')) : lines;
      return `<tr><th>${escapeHtml(label)}</th><td${kind ? ` class="${kind}"` : ''}>${html.join('<br>')}</td></tr>`;
    })
    .join('');
  const logo = issuer?.logo
    ? `<img class="logo" alt="" src="data:${issuer.logo.contentType};base64,${issuer.logo.bytes.toString('base64')}">`
    : '';
  const header = issuer ? `<header>${logo}<p class="issuer">${escapeHtml(issuer.name)}</p></header>` : '';
  const note =
    checked === 'code' && result.result === VerificationResult.GENUINE
      ? '<p class="note">Kode ini hanya membuktikan bahwa surat tersebut ada. Untuk memastikan berkas PDF yang Anda terima tidak diubah, periksa berkasnya di bawah ini.</p>'
      : '';
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Verifikasi Dokumen Elektronik</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;padding:1rem;color:#1b1b1b;background:#f6f7f9;overflow-wrap:break-word;word-break:normal;hyphens:manual}
main{max-width:36rem;margin:0 auto;background:#fff;padding:1.25rem;border-radius:.5rem}
header{display:flex;align-items:center;gap:.75rem;margin-bottom:.5rem}.logo{width:3rem;height:3rem;object-fit:contain}
.issuer{font-weight:600;margin:0}h1{font-size:1.2rem;margin:.25rem 0 1rem}.ok{color:#0a6b2d;font-weight:600}.bad{color:#a4161a;font-weight:600}
table{border-collapse:collapse;width:100%;table-layout:fixed}th,td{text-align:left;vertical-align:top;padding:.4rem;border-top:1px solid #e3e5e8}
th{width:36%;font-weight:500;color:#555}.hash{font-family:ui-monospace,monospace;font-size:.8rem;overflow-wrap:anywhere}
.note{font-size:.85rem;color:#555}form{margin-top:1.25rem;padding-top:1rem;border-top:1px solid #e3e5e8}
label{display:block;margin-bottom:.5rem}input{max-width:100%}button{margin-top:.75rem;padding:.5rem 1rem;font:inherit}
@media (max-width:30rem){th,td{display:block;width:auto;padding:.15rem .4rem}th{padding-top:.5rem}td{border-top:0}}
</style>
</head>
<body>
<main>
${header}
<h1>Verifikasi Dokumen Elektronik</h1>
${VERDICTS[checked][result.result]}
${table ? `<table>${table}</table>` : ''}
${note}
<form method="post" action="/verify" enctype="multipart/form-data">
<label for="file">Periksa berkas PDF yang Anda terima: apakah sama persis dengan yang ditandatangani?</label>
<input id="file" type="file" name="file" accept="application/pdf" required>
<br><button type="submit">Periksa berkas</button>
</form>
</main>
</body>
</html>
`;
}

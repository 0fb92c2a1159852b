/* eslint-disable @typescript-eslint/no-require-imports -- the one place these libraries are required, on first use */
// The PDF and signing libraries are only needed to sign, compose or render a PDF, yet loading them took about
// half a second of CPU at every start of the API (bench/RESULTS.md, session 7): each loads on its first use.
// Their types stay those of the packages (`typeof import(…)`), and only type imports of them appear elsewhere.
import type { ColorTypes, RGB } from 'pdf-lib';

function onFirstUse<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}

export const pdfLib = onFirstUse(() => require('pdf-lib') as typeof import('pdf-lib'));
export const fontkit = onFirstUse(() => require('@pdf-lib/fontkit') as typeof import('@pdf-lib/fontkit'));
export const qrcode = onFirstUse(() => require('qrcode') as typeof import('qrcode'));
export const nodeForge = onFirstUse(() => require('node-forge') as typeof import('node-forge'));
export const signpdfPlaceholder = onFirstUse(
  () => require('@signpdf/placeholder-pdf-lib') as typeof import('@signpdf/placeholder-pdf-lib'),
);

/** pdf-lib's `rgb`, for colours kept in module constants without loading pdf-lib: the same plain object. */
export function rgb(red: number, green: number, blue: number): RGB {
  return { type: 'RGB' as ColorTypes.RGB, red, green, blue };
}

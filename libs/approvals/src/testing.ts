/** Helpers for tests and the bench (`@gesit/approvals/testing`); never imported by product code. */
export { BSRE_STAND_IN, bsreStandIn } from './signing/testing/bsre-stand-in';
export { makeDraftPdf, makeStamp, makeSteps } from './signing/testing/draft-pdf';
export { PdfTools } from './signing/testing/pdf-tools';

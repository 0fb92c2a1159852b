/** Helpers for tests and the bench (`@gesit/approvals/testing`); never imported by product code. */
export { BSRE_STAND_IN, bsreStandIn } from './signing/testing/bsre-stand-in';
export { replacePagesIncrementally } from './signing/testing/incremental-update';
export {
  bodyParagraph,
  makeComposedLetter,
  makeDraftPdf,
  makeSheet,
  makeSteps,
  makeUploadedStamp,
  TEN_PAGES,
  TEST_VERIFICATION_URL,
} from './signing/testing/draft-pdf';
export { type LineBox, overlaps, PdfTools, signatureWidget } from './signing/testing/pdf-tools';

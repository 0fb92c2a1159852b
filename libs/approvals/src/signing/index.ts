export { type SignRequest, type Signer, SIGNER, type PlaceholderSigner, type SignatureWidget, isPlaceholderSigner } from './signer.port';
export { type DevelopmentCertificate, type LoadedPkcs12, generateDevelopmentCertificate, loadPkcs12 } from './local-certificate';
export { LocalP12Signer } from './local.signer';
export {
  type ApprovalSheet,
  type ApprovalStep,
  type UploadedStamp,
  type BeforeSave,
  approvalSheetPdf,
  stampUploadedLetter,
} from './letter-stamp';
export { type RenderPdf, type SignedLetterPdf, signLetterPdf } from './letter-pdf.pipeline';
export { BsreSigner, type BsreSettings } from './bsre.signer';
export { developmentSeal } from './development-seal';
export { INSTITUTION_SEAL, loadInstitutionSeal } from './signer.provider';

// Helpers for tests and the bench (`@gesit/archive/testing`); never imported by product code. The bench runs
// the search statement the service runs, and indexes its documents with the service's stemmer.
export { searchRows, type SearchQuery } from './search/search.service';
export { stemText } from './indexing/indonesian-stemmer';
export { ocrImages, rasterise } from './ocr/ocr-tools';
export { BATCH_ROWS } from './imports/import-runner.service';

const { esmPackages } = require('./scripts/esm-packages');

// @nestjs/* (v12) and some of their dependencies ship ESM only. Jest's CommonJS module system
// (Node 20) loads them only after @swc/jest has transformed them, so they must not be ignored.
// Mercurius is CommonJS but calls import(), which Jest's vm refuses without a flag; swc turns
// that call into require().
const transformed = [...esmPackages(__dirname), 'mercurius'].map((name) => name.replace(/[.+]/g, '\\$&'));

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    isModule: true,
  },
];

const shared = {
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${transformed.join('|')})/)`],
  moduleNameMapper: {
    '^@gesit/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    // A library's helpers for tests and the bench: `@gesit/<lib>/testing`.
    '^@gesit/([a-z-]+)/testing$': '<rootDir>/libs/$1/src/testing.ts',
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  testEnvironment: 'node',
};

module.exports = {
  // Jest's 5 s default fails the PDF and storage suites (poppler, qpdf, a real s3rver) when a busy machine gives
  // them little CPU: no unit test asserts on speed, so the limit only has to catch a hang. (A project-level
  // testTimeout is ignored; the e2e harness sets its own in jest-setup.ts.)
  testTimeout: 120_000,
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/harness/global-setup.ts',
      globalTeardown: '<rootDir>/test/harness/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/harness/jest-setup.ts'],
    },
  ],
};

import { refusedSecondConnections } from '@gesit/platform';

jest.setTimeout(60_000);

// The API runs in the test's process with the guard on: a path that took a second connection inside a
// transaction fails its test even when the code around it swallowed the error.
afterAll(() => {
  const refused = refusedSecondConnections();
  if (refused)
    throw new Error(`${refused} queries inside a transaction asked the pool for a second connection (see SecondConnectionError)`);
});

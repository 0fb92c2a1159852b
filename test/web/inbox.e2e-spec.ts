import type { Browser, Page, Request } from 'playwright-core';
import { DEMO_PASSWORD } from '@gesit/identity/testing';
import { startTestApi, type TestApi } from '../harness/app';
import { demoDatabase, demoPerson } from '../harness/demo';
import { loginAs } from '../harness/identity';
import { registerIncomingLetter } from '../harness/letters';
import { consoleEnv, ensureWebBuild, launchChromium, newPage, screenshot, signIn } from './browser';

// The inbox right after sign-in: its first page is asked for together with `Me` and the inbox screen uses that
// answer; two people signing in one after the other in one tab each see their own letters.
const database = demoDatabase(`gesit_test_web_inbox_${process.pid}`);

const clerk = demoPerson('tata-usaha');
// Two members of staff (no second factor), each with a letter of their own.
const rina = demoPerson('pranata-humas');
const other = demoPerson('pranata-komputer');

jest.setTimeout(180_000);

describe('the inbox after sign-in, in Chromium', () => {
  let api: TestApi;
  let browser: Browser;
  const suffix = Date.now().toString(36);
  const subjects = { rina: `Undangan rapat SPBE untuk Rina ${suffix}`, other: `Permintaan data jaringan ${suffix}` };
  const ids = new Map<string, string>();

  beforeAll(async () => {
    ensureWebBuild();
    await database.drop();
    api = await startTestApi({ env: consoleEnv(database.url) });
    const { accessToken } = await loginAs(api, clerk.email, DEMO_PASSWORD);
    for (const [key, person] of [
      ['rina', rina],
      ['other', other],
    ] as const) {
      const found = await api.gqlOk<any>(
        'query($s: String) { people(filter: { search: $s }, first: 1) { edges { node { id } } } }',
        { s: person.nip },
        accessToken,
      );
      ids.set(key, found.people.edges[0].node.id);
      await registerIncomingLetter(api, accessToken, { subject: subjects[key], addresseeIds: [ids.get(key) as string] });
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await database.drop();
  });

  it('shows the first page asked for at sign-in without the inbox screen asking for it again', async () => {
    const { context, page } = await newPage(browser);
    const asked = countOperations(page);
    await signIn(page, api.url, rina.email, DEMO_PASSWORD);
    await page.getByTestId('inbox-row').filter({ hasText: subjects.rina }).waitFor();
    // Give a second request time to be sent: the screen's own query used to go out after the rows' code loaded.
    await page.waitForTimeout(1_000);
    expect(asked.get('Me')).toBe(1);
    expect(asked.get('Inbox')).toBe(1);
    await screenshot(page, 'inbox-after-sign-in');

    // Once: coming back to the inbox asks the API again (a primed answer is not a cache). The tasks screen must be
    // there first: while its code loads, the router keeps the inbox on screen.
    await page.getByRole('link', { name: 'Tugas' }).first().click();
    await page.getByRole('heading', { name: 'Tugas' }).waitFor();
    await page.getByRole('link', { name: 'Kotak masuk' }).first().click();
    await page.getByTestId('inbox-row').filter({ hasText: subjects.rina }).waitFor();
    expect(asked.get('Inbox')).toBe(2);
    await context.close();
  });

  it('shows the next person who signs in in the same tab their own letters, not the previous person’s', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, api.url, rina.email, DEMO_PASSWORD);
    await page.getByTestId('inbox-row').filter({ hasText: subjects.rina }).waitFor();
    await signOut(page);

    await signInHere(page, other.email);
    const first = await inboxText(page);
    expect(first).toContain(subjects.other);
    expect(first).not.toContain(subjects.rina);
    await signOut(page);

    // Rina follows a link to someone else's inbox, so the first page of her own, asked for at sign-in, stays unused;
    // she goes on to her tasks and signs out there. The next person signs in on that screen and opens the inbox.
    await signIn(page, api.url, rina.email, DEMO_PASSWORD, `/inbox?as=${ids.get('other')}`);
    await page.getByRole('link', { name: 'Tugas' }).first().click();
    await page.getByRole('heading', { name: 'Tugas' }).waitFor();
    await signOut(page);
    await signInHere(page, other.email);
    await page.getByRole('link', { name: 'Kotak masuk' }).first().click();
    const text = await inboxText(page);
    expect(text).not.toContain(subjects.rina);
    expect(text).toContain(subjects.other);
    await context.close();
  });
});

/** How many GraphQL requests of each operation the page sends (queries go as GET, mutations as POST). */
function countOperations(page: Page): Map<string, number> {
  const counts = new Map<string, number>();
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname !== '/graphql') return;
    const name = url.searchParams.get('operationName') ?? (request.postDataJSON() as { operationName?: string } | null)?.operationName;
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  });
  return counts;
}

/** The inbox's rows once they are on screen, as text. */
async function inboxText(page: Page): Promise<string> {
  await page.getByTestId('inbox-row').first().waitFor();
  return (await page.getByTestId('inbox-row').allTextContents()).join('\n');
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Keluar' }).click();
  await page.getByRole('heading', { name: 'Masuk ke Gesit' }).waitFor();
}

/** Signs in on the sign-in page already open, without loading the console again (the same tab, the same scripts). */
async function signInHere(page: Page, identifier: string): Promise<void> {
  await page.getByLabel('NIP atau e-mail').fill(identifier);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByTestId('bell').waitFor();
}

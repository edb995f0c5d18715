import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../server/src/lib/clock.ts';
import { ensureDemoCourt } from '../../server/src/modules/court/service.ts';
import { logIn, overflowsSideways, startE2E, type E2E } from './harness.ts';

const SCREENSHOTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

/** Waits generously: the machine may be busy building and serving the app. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 30_000, interval: 150 });

/**
 * The requests of a logged-in page, made with its own session (cookie) and CSRF token: for the
 * steps whose screens belong to other modules (FIR registration, the IO's records). The final
 * report, the SHO's approval and everything the court does are done on the screens.
 */
async function sessionApi(page: Page) {
  const me = await page.request.get('/api/v1/auth/me');
  expect(me.status()).toBe(200);
  const csrf = ((await me.json()) as { csrfToken: string }).csrfToken;
  return {
    async post<T = Record<string, unknown>>(url: string, data: unknown, headers: Record<string, string> = {}): Promise<T> {
      const r = await page.request.post(url, { data, headers: { 'x-csrf-token': csrf, ...headers } });
      if (r.status() >= 300) throw new Error(`${url} → ${r.status()} ${await r.text()}`);
      return (await r.json()) as T;
    },
  };
}

describe('one case from the FIR to a conviction, with the final report and the court on screen', () => {
  let e2e: E2E;
  let caseId = '';
  let firNumber = '';
  let cnr = '';

  /** The public case status (no login), as anyone may see it. */
  const publicStatus = async () => {
    const [n, y] = firNumber.split('/');
    const r = await fetch(`${e2e.url}/api/v1/public/case-status?stationCode=PS01&year=${y}&number=${n}`);
    expect(r.status).toBe(200);
    return (await r.json()) as {
      stage: string;
      stageLabelEn: string;
      stageLabelHi: string;
      resultLabelHi: string | null;
      arrestCount: number | null;
      chargeSheetDate: string | null;
      court: { name: string } | null;
      nextHearingDate: string | null;
      result: string | null;
    };
  };
  const dashboardCount = async (page: Page, key: string) => {
    await page.goto('/');
    const card = page.locator(`[data-count="${key}"] .card-number`);
    await card.waitFor({ timeout: 30_000 });
    return Number(await card.textContent());
  };

  beforeAll(async () => {
    // Two-factor set-up for the SHO is its own browser test (auth); here the SHO logs in with a password.
    e2e = await startE2E({ config: { MFA_REQUIRED_ROLES: 'admin' } });
    await ensureDemoCourt(e2e.db.kysely, systemClock, 'XA');
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 300_000);
  afterAll(async () => {
    await e2e?.close();
  });

  it('the FIR is registered, the SHO designates the IO, and the IO records the diary, an arrest and a seizure with a custody move', async () => {
    const duty = (await e2e.newPage()).page;
    await logIn(e2e, duty, 'duty.ps1');
    await duty.waitForURL((u) => u.pathname === '/');
    const fir = await (
      await sessionApi(duty)
    ).post<{ id: string; firNumber: string }>(
      '/api/v1/firs',
      {
        informationType: 'written',
        sections: [{ act: 'BNS', section: '303(2)' }],
        occurrence: {
          from: new Date(Date.now() - 20 * 3600_000).toISOString(),
          to: new Date(Date.now() - 12 * 3600_000).toISOString(),
          place: 'Outside house no. 14, Sarafa Bazaar',
          beatCode: 'B1',
        },
        complainant: {
          name: 'Ravi Kumar Sharma',
          sex: 'male',
          nationality: 'Indian',
          address: '14, Sarafa Bazaar, Vindhyanagar',
          phone: '9826012345',
          isVictim: true,
        },
        accused: [{ known: false, description: 'Unknown person(s)' }],
        propertyItems: [
          { description: 'Hero Splendor motorcycle, black, XA01 AB 1234', category: 'vehicle', nature: 'stolen', value: 45000 },
        ],
        narrative: 'The complainant parked his motorcycle outside his house at night and found it missing in the morning.',
        actionTaken: 'Registered and taken up for investigation.',
      },
      { 'idempotency-key': randomUUID() },
    );
    caseId = fir.id;
    firNumber = fir.firNumber;
    expect((await publicStatus()).stage).toBe('registered');

    const sho = (await e2e.newPage()).page;
    await logIn(e2e, sho, 'sho.ps1');
    await sho.waitForURL((u) => u.pathname === '/');
    await (await sessionApi(sho)).post(`/api/v1/cases/${caseId}/assign-io`, { ioUsername: 'io.ps1' });
    expect((await publicStatus()).stage).toBe('under_investigation');

    const io = (await e2e.newPage()).page;
    await logIn(e2e, io, 'io.ps1');
    await io.waitForURL((u) => u.pathname === '/');
    const api = await sessionApi(io);
    await api.post(`/api/v1/cases/${caseId}/diary`, {
      placesVisited: ['Sarafa Bazaar'],
      circumstances: 'Visited the scene, prepared the site plan, examined the neighbours.',
    });
    await api.post(`/api/v1/cases/${caseId}/persons`, {
      role: 'complainant',
      person: { name: 'Ravi Kumar Sharma', sex: 'male', ageYears: 39, address: '14, Sarafa Bazaar, Vindhyanagar' },
    });
    await api.post(`/api/v1/cases/${caseId}/persons`, {
      role: 'witness',
      person: { name: 'Hari Om Sahu', sex: 'male', ageYears: 52, address: 'Chowk, Vindhyanagar' },
    });
    await api.post(`/api/v1/cases/${caseId}/persons`, {
      role: 'accused',
      person: {
        name: 'Raju Prajapati',
        fatherName: 'Mohan Prajapati',
        sex: 'male',
        ageYears: 24,
        address: '9, Kumhar Mohalla, Vindhyanagar',
      },
    });
    await api.post(`/api/v1/cases/${caseId}/statements`, {
      personCode: 'W1',
      place: 'Chowk',
      language: 'hi',
      text: 'मैंने अभियुक्त को रात में मोटरसाइकिल ले जाते देखा।',
    });
    await api.post(`/api/v1/cases/${caseId}/arrests`, {
      personCode: 'A1',
      place: 'Kumhar Mohalla, Vindhyanagar',
      grounds: 'Identified by the eyewitness W1 riding the stolen motorcycle.',
      informed: { name: 'Mohan Prajapati', relation: 'father', mode: 'phone' },
      outcome: 'sent_up',
      necessityReason: 'To recover the stolen motorcycle.',
      witness: { name: 'Hari Om Sahu' },
      countersigned: true,
    });
    const seizure = await api.post<{ items: { id: string }[] }>(`/api/v1/cases/${caseId}/seizures`, {
      place: 'House of A1, Kumhar Mohalla',
      searchKind: 'recovery',
      fromPersonCode: 'A1',
      witnesses: [{ name: 'Hari Om Sahu' }, { name: 'Salim Khan' }],
      recordingAbsentReason: 'Recorded on the IO’s phone; to be uploaded (test).',
      items: [
        {
          description: 'Hero Splendor motorcycle, black, XA01 AB 1234',
          category: 'vehicle',
          quantity: 1,
          value: 45000,
          vehicleRegNo: 'XA01AB1234',
        },
      ],
    });
    await api.post(`/api/v1/cases/${caseId}/items/${seizure.items[0].id}/moves`, {
      kind: 'malkhana_deposit',
      from: 'seized',
      place: 'Malkhana, PS Kotwali',
      reason: 'Deposited for safe custody',
      handedTo: 'HC Ramesh Yadav',
    });
    expect((await publicStatus()).arrestCount).toBe(1);

    // The clocks show on the dashboards: the arrested person must be produced within 24 hours (BNSS 58).
    expect(await dashboardCount(io, 'myClocksDue7d')).toBeGreaterThanOrEqual(1);
    expect(await dashboardCount(sho, 'clocksDue7d')).toBeGreaterThanOrEqual(1);
    await io.screenshot({ path: path.join(SCREENSHOTS, 'io-dashboard-clocks.png') });

    // BNSS 176(3): the IO records a forensic expert's visit to the scene on the case page.
    await io.goto(`/cases/${caseId}`);
    const duties = io.getByTestId('case-duties');
    await duties.waitFor({ timeout: 30_000 });
    await duties.getByText('Record a forensic visit to the scene', { exact: true }).click();
    const visitForm = io.getByRole('form', { name: 'Record a forensic visit to the scene' });
    await visitForm.getByLabel('Forensic expert *').fill('Dr. Meena Raghuvanshi');
    await visitForm.getByLabel('Laboratory or unit *').fill('Mobile Forensic Unit, RFSL Vindhyanagar');
    await visitForm.getByLabel('Why there is no videography').fill('The unit’s camera failed at the scene (test).');
    await visitForm.getByRole('button', { name: 'Save' }).click();
    await poll(() => duties.getByTestId('forensic-visit').count()).toBe(1);
    expect(await duties.getByTestId('forensic-visit').textContent()).toContain('Dr. Meena Raghuvanshi');
  });

  it('the IO prepares the charge sheet from the records, a stale second tab cannot overwrite it, and the IO submits it', async () => {
    const { context, page } = await e2e.newPage();
    await logIn(e2e, page, 'io.ps1');
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto(`/cases/${caseId}/final-report`);
    await page.getByRole('button', { name: 'Prepare the final report from the case records' }).click();
    await poll(() => page.getByText('The draft final report was assembled from the case records.').isVisible()).toBe(true);

    // Assembled, not typed: the accused with custody, the witnesses with statements, the seized motorcycle in the malkhana.
    const charged = page.getByTestId('accused-charged');
    await poll(() => charged.textContent()).toContain('A1 Raju Prajapati');
    expect(await charged.textContent()).toContain('BNS 303(2)');
    expect(await charged.textContent()).toContain('Arrested; forwarded in custody');
    expect(await page.getByTestId('witnesses').textContent()).toContain('W1 Hari Om Sahu');
    expect(await page.getByTestId('material-objects').textContent()).toContain('in the malkhana');
    await poll(() => page.getByLabel('A1 Raju Prajapati').inputValue()).toBe('charged');

    // A second tab opens the same draft (version 1).
    const tab2 = await context.newPage();
    await tab2.goto(`/cases/${caseId}/final-report`);
    await tab2.getByLabel('Brief facts and result of the investigation (Hindi)').waitFor();

    await page
      .getByLabel('Brief facts and result of the investigation (Hindi)')
      .fill('विवेचना से प्रमाणित हुआ कि अभियुक्त A1 ने मोटरसाइकिल चुराई; उसकी निशानदेही पर वाहन बरामद हुआ।');
    await page.getByLabel('Sections charged against A1').fill('BNS 303(2), 317(2)');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await poll(() => page.getByText('Saved (version 2).').isVisible()).toBe(true);

    await tab2.getByLabel('Brief facts and result of the investigation (English)').fill('A stale tab tries to overwrite the report.');
    await tab2.getByRole('button', { name: 'Save draft' }).click();
    await poll(() => tab2.getByText('Someone saved this report after you opened it.', { exact: false }).isVisible()).toBe(true);
    await tab2.getByRole('button', { name: 'Load the latest version' }).click();
    await poll(() => tab2.getByTestId('report-status').textContent()).toContain('version 2');
    expect(await tab2.getByTestId('accused-charged').textContent()).toContain('317(2)');
    await tab2.close();
    expect(await overflowsSideways(page)).toBe(false);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'final-report-editor.png'), fullPage: true });

    await page.getByRole('button', { name: 'Submit to the SHO' }).click();
    await poll(() => page.getByText('The final report was submitted to the SHO.').isVisible()).toBe(true);
    await poll(() => page.getByTestId('case-stage').textContent()).toContain('Awaiting SHO approval');
    expect((await publicStatus()).stage).toBe('final_report_submitted');

    // The PDF in Hindi is there (a draft preview until the SHO approves).
    const pdf = await page.request.get(`/api/v1/cases/${caseId}/final-report/pdf?lang=hi`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('the SHO finds the report waiting, approves it, and it is e-filed to the court', async () => {
    const { page } = await e2e.newPage();
    await logIn(e2e, page, 'sho.ps1');
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto('/final-reports?stage=final_report_submitted');
    await page.getByRole('link', { name: firNumber }).click();
    await page.waitForURL((u) => u.pathname === `/cases/${caseId}/final-report`);
    await page.getByRole('button', { name: 'Approve and e-file to the court' }).click();
    await poll(() => page.getByText('The final report was approved and e-filed to the court.').isVisible()).toBe(true);
    await poll(() => page.getByTestId('efiling-status').textContent()).toBe('Waiting for the court');
    const s = await publicStatus();
    expect(s.chargeSheetDate).not.toBeNull();
    expect(s.court?.name).toBe('Chief Judicial Magistrate, Vindhyanagar');
    // The public now sees what went to the court, in words, in both languages.
    expect(s).toMatchObject({
      stage: 'charge_sheeted',
      stageLabelEn: 'Charge sheet filed in court',
      stageLabelHi: 'न्यायालय में आरोप पत्र दाखिल',
    });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'final-report-approved.png'), fullPage: true });
  });

  it('the demo court’s clerk accepts it (a CNR), fixes a hearing with charges framed, and records the conviction', async () => {
    const { page } = await e2e.newPage();
    await logIn(e2e, page, 'court1');
    await page.waitForURL((u) => u.pathname === '/');
    expect(await dashboardCount(page, 'courtReportsToAccept')).toBe(1);
    await page.goto('/court');
    await page.getByRole('link', { name: `FIR ${firNumber}, PS Kotwali` }).click();
    await page.waitForURL((u) => u.pathname.startsWith('/court/cases/'));
    await page.getByRole('button', { name: 'Accept and register the case' }).click();
    const accepted = page.getByText(/^Accepted\. CNR XAVN01\d{6}\d{4}\.$/);
    await poll(() => accepted.isVisible()).toBe(true);
    cnr = /XAVN01\d{10}/.exec((await accepted.textContent()) ?? '')![0];
    expect((await publicStatus()).stage).toBe('accepted_by_court');

    const inTenDays = new Date(Date.now() + 5.5 * 3600_000 + 10 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Date of hearing').fill(inTenDays);
    await page.getByLabel('Purpose').fill('Framing of charges');
    await page.getByLabel('Charges were framed').check();
    await page.getByRole('button', { name: 'Record the hearing' }).click();
    await poll(() => page.getByTestId('court-stage').textContent()).toBe('Under trial');
    let s = await publicStatus();
    expect(s).toMatchObject({ stage: 'under_trial', nextHearingDate: inTenDays });

    await page.getByLabel('Result for A1').selectOption('convicted');
    await page.getByLabel('Months of imprisonment of A1').fill('12');
    await page.getByLabel('Fine on A1 (₹)').fill('2000');
    await page.getByRole('button', { name: 'Record the judgment' }).click();
    await poll(() => page.getByTestId('court-stage').textContent()).toBe('Disposed');
    expect(await page.getByTestId('disposal').textContent()).toContain('12 months simple imprisonment');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'court-clerk-case.png'), fullPage: true });
    s = await publicStatus();
    expect(s).toMatchObject({ stage: 'disposed', result: 'convicted', resultLabelHi: 'दोषसिद्ध', nextHearingDate: null });
  });

  it('the police see the CNR and the judgment, and anyone sees the result on the public case status page', async () => {
    const { page } = await e2e.newPage();
    await logIn(e2e, page, 'io.ps1');
    await page.waitForURL((u) => u.pathname === '/');
    await page.goto(`/cases/${caseId}/final-report`);
    await poll(() => page.getByTestId('cnr').textContent()).toBe(cnr);
    expect(await page.getByTestId('disposal').textContent()).toContain('Convicted');

    const pub = (await e2e.newPage()).page;
    await pub.goto('/case-status');
    await pub.getByLabel('Police station').selectOption('PS01');
    await pub.getByLabel('Year').fill(firNumber.split('/')[1]);
    await pub.getByLabel('FIR number').fill(firNumber);
    await pub.getByRole('button', { name: 'Show the status' }).click();
    const facts = pub.locator('dl.facts');
    await poll(() => facts.textContent()).toContain('Decided by the court (convicted)');
    expect(await facts.textContent()).toContain('Chief Judicial Magistrate, Vindhyanagar');
    expect(await facts.textContent()).not.toContain('Raju Prajapati');
    await pub.screenshot({ path: path.join(SCREENSHOTS, 'public-status-disposed.png'), fullPage: true });
    // In Hindi, the stage and the result are Hindi words, not the codes.
    await pub.getByRole('button', { name: 'हिन्दी' }).click();
    await poll(() => facts.textContent()).toContain('न्यायालय द्वारा निर्णीत (दोषसिद्ध)');
    expect(await facts.textContent()).not.toMatch(/convicted|disposed/i);

    // The QR code on the FIR copy leads here: the code checks out with the number, station and date.
    const fir = (await (await page.request.get(`/api/v1/firs/${caseId}`)).json()) as { verificationCode: string };
    await pub.getByRole('button', { name: 'English' }).click();
    await pub.goto(`/verify/${fir.verificationCode}`);
    const verified = pub.getByTestId('verify-result');
    await poll(() => verified.isVisible()).toBe(true);
    expect(await verified.textContent()).toContain(firNumber);
    expect(await verified.textContent()).toContain('Kotwali (PS01)');
    expect(await verified.textContent()).not.toContain('Raju Prajapati');
    // A code that no copy carries says so; a code typed in groups of four works the same as the QR.
    await pub.goto('/verify/AAAABBBBCCCC');
    await poll(() => pub.getByText(/No FIR copy carries the code AAAABBBBCCCC/).isVisible()).toBe(true);
    await pub.getByLabel('Verification code').fill(
      fir.verificationCode
        .match(/.{1,4}/g)!
        .join('-')
        .toLowerCase(),
    );
    await pub.getByRole('button', { name: 'Check the copy' }).click();
    await poll(() => verified.isVisible()).toBe(true);
    expect(await overflowsSideways(pub)).toBe(false);
  });
});

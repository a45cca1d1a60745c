// The booking page's connection check from inside the lab: books through the page as a citizen would and reads
// what the check says about UDP and TURN/TLS on the confirmation (credentials from the public /api/probe/ice).
import type { Browser } from 'playwright-core';

/** Books the first free slot of "Arbeitslosengeld" and returns the WebRTC check's sentence (empty: none). */
export async function bookingPageIceText(browser: Browser, baseUrl: string): Promise<string> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.getByLabel('Arbeitslosengeld').check();
    await page.locator('button.day').first().click();
    await page.locator('ul.times button.time').first().click();
    await page.fill('#phone', '0151 2345 6789');
    await page.check('#consent');
    await page.click('button[type=submit]');
    await page.waitForSelector('text=Ihr Termin ist gebucht', { timeout: 30_000 });
    return (
      (await page
        .locator('p.ice')
        .textContent({ timeout: 30_000 })
        .catch(() => '')) ?? ''
    );
  } finally {
    await context.close();
  }
}

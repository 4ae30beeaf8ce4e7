// review.test.mjs -- the editor's second half in a real browser through
// nginx: an admin turns review on; a redaktor's "Skicka för granskning";
// the author cannot approve it, another redaktor reads the diff and
// publishes it; an update with a note for readers shows under the dates;
// "Dra tillbaka" with an explanation turns the URL into a 410 page; the
// staff search finds the article.  axe (WCAG 2.2 A/AA) and the Nu checker
// on every new page, and each fits 375 px and 1280 px without sideways
// scrolling.
//
// SHOTS=DIR saves screenshots of the new pages at 1280 and 375 px.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { clickPost, formatHtmlErrors, formatViolations, launchBrowser, mkuser,
    runAxe, signIn, sql, startSite, validateHtml } from './lib.mjs';

const TITLE = 'Nytt stöd till föreningar i länet';
const SLUG = 'nytt-stod-till-foreningar-i-lanet';
const NOTE = 'Rättelse: beloppet är 20 miljoner kronor, inte 2 miljoner.';
const WHY = 'Beslutet är upphävt av regionfullmäktige. En ny nyhet kommer när frågan har avgjorts.';

// PAGE fits 375 and 1280 px (no sideways scroll); screenshots under SHOTS.
async function fits(page, name)
{
	for (const width of [375, 1280]) {
		await page.setViewportSize({ width, height: 900 });
		if (process.env.SHOTS) {
			mkdirSync(process.env.SHOTS, { recursive: true });
			await page.screenshot({ fullPage: true,
			    path: path.join(process.env.SHOTS, `${name}-${width}.png`) });
		}
		const m = await page.evaluate(() => ({
			sw: document.scrollingElement.scrollWidth,
			cw: document.scrollingElement.clientWidth }));
		assert.ok(m.sw <= m.cw, `${name} at ${width} px scrolls sideways: ` +
		    `${m.sw} > ${m.cw}`);
	}
}

describe('review, change notes and withdrawal', () => {
	let site, browser;
	const docs = [];

	// axe, the layout check and the source for the Nu checker.
	const look = async (page, name, resp) => {
		const v = await runAxe(page);
		assert.deepEqual(v, [], `${name}:\n${formatViolations(v)}`);
		await fits(page, name);
		docs.push({ name, html: resp ? await resp.text() :
		    await (await page.context().request.get(page.url())).text() });
	};

	before(async () => {
		site = await startSite();
		mkuser(site.db, 'rita', 'redaktor');
		mkuser(site.db, 'rolf', 'redaktor');
		mkuser(site.db, 'anna', 'admin');
		sql(site.db, "UPDATE account SET display_name = 'Rita Redaktör' WHERE name = 'rita'");
		browser = await launchBrowser();
	});

	after(async () => {
		await browser?.close();
		await site?.stop();
	});

	it('sends for review; the author cannot approve, another redaktor publishes', async () => {
		const ctx = await browser.newContext({ bypassCSP: true });
		const page = await ctx.newPage();
		await signIn(page, site.base, 'anna');
		await page.goto(`${site.base}/admin/granskning`);
		await page.getByLabel('Kräv granskning innan en redaktör publicerar').check();
		await clickPost(page, 'Spara inställningen');
		assert.equal(sql(site.db, "SELECT value FROM setting WHERE key = 'review_required'")[0], '1');
		await ctx.clearCookies();

		await signIn(page, site.base, 'rita');
		await page.goto(`${site.base}/admin/artiklar/ny`);
		assert.equal(await page.getByRole('button', { name: 'Publicera nu' }).count(), 0);
		await page.fill('#title', TITLE);
		await page.fill('#lead', 'Regionen ger föreningar 2 miljoner kronor.');
		await page.fill('#body', 'Stödet söks före den 1 maj.');
		await page.getByLabel(/Visa författarens namn/).check();
		await clickPost(page, 'Skicka för granskning');
		assert.match(await page.locator('.callout.ok').textContent(), /skickad för granskning/);
		const id = page.url().match(/artiklar\/(\d+)/)[1];
		await page.goto(`${site.base}/admin/granskning/${id}`);
		assert.equal(await page.getByRole('button', { name: 'Godkänn och publicera' }).count(), 0);
		assert.match(await page.locator('main').textContent(), /kan inte godkänna den/);
		await ctx.clearCookies();

		await signIn(page, site.base, 'rolf');
		await page.goto(`${site.base}/admin/granskning`);
		await look(page, 'review-list');
		await page.getByRole('link', { name: TITLE }).click();
		await look(page, 'review');
		assert.equal(await page.locator('ins', { hasText: 'Stödet söks före den 1 maj.' }).count(), 1);
		await clickPost(page, 'Godkänn och publicera');
		const r = await page.goto(`${site.base}/nyheter/${SLUG}`);
		assert.equal(r.status(), 200);
		assert.equal(await page.locator('.article-byline').textContent(), 'Av Rita Redaktör');
		await ctx.close();
	});

	it('shows a change note, then withdraws the article with an explanation', async () => {
		const ctx = await browser.newContext({ bypassCSP: true });
		const page = await ctx.newPage();
		await signIn(page, site.base, 'rita');
		await page.goto(`${site.base}/admin/artiklar?q=f%C3%B6reningar`);
		await look(page, 'staff-search');
		await page.getByRole('link', { name: TITLE }).click();
		await page.fill('#lead', 'Regionen ger föreningar 20 miljoner kronor.');
		await page.getByLabel('Uppdatering med en notis till läsarna').check();
		await page.fill('#notis', NOTE);
		await clickPost(page, 'Spara ändringar');
		let r = await page.goto(`${site.base}/nyheter/${SLUG}`);
		assert.equal(r.status(), 200);
		assert.match(await page.locator('.article-notes').textContent(), new RegExp(NOTE));
		assert.match(await page.locator('.article-dates').textContent(), /Uppdaterad/);
		await look(page, 'article-notes', r);

		await page.goto(`${site.base}/admin/artiklar?q=f%C3%B6reningar`);
		await page.getByRole('link', { name: TITLE }).click();
		await page.getByRole('link', { name: 'Dra tillbaka' }).click();
		await look(page, 'withdraw-form');
		await page.fill('#forklaring', WHY);
		await clickPost(page, 'Dra tillbaka artikeln');
		r = await page.goto(`${site.base}/nyheter/${SLUG}`);
		assert.equal(r.status(), 410);
		assert.equal(await page.locator('h1').textContent(), TITLE);
		assert.equal(await page.locator('.withdrawn-explanation').textContent(), WHY);
		await look(page, 'withdrawn-410', r);
		await page.goto(`${site.base}/nyheter`);
		assert.equal(await page.getByRole('link', { name: TITLE }).count(), 0);
		await ctx.close();
	});

	it('has no Nu checker errors on the new pages', async () => {
		assert.ok(docs.length >= 6, `${docs.length} documents`);
		const res = await validateHtml(docs);
		for (const [name, errors] of res)
			assert.deepEqual(errors, [], `${name}:\n${formatHtmlErrors(errors)}`);
	});
});

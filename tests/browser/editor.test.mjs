// editor.test.mjs -- the article editor in a real browser through nginx:
// an editor (role redaktor) signs in, writes the 20-million-kronor news
// item with a topic and two experts, previews it (the public page look),
// publishes it and finds it on /nyheter and its topic page; a scheduled
// article stays hidden until the test clock passes its time; the same
// flow with JavaScript off; axe and the Nu checker on every editor page;
// and the whole publish flow with the keyboard alone.
//
// SHOTS=DIR saves screenshots of the editor pages at 1280 and 375 px.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { clickPost, formatHtmlErrors, formatViolations, launchBrowser, mkuser,
    runAxe, signIn, sql, startSite, validateHtml } from './lib.mjs';

const PW = 'losenord-123';
const TITLE = 'Regeringen ger 20 miljoner kronor till jämställdhet och kvinnofrid';
const LEAD = 'Regeringen ger SKR 20 miljoner kronor för att fortsätta arbetet med jämställdhet och mot mäns våld mot kvinnor.';
const BODY = `Satsningen gäller 2021 och ska stödja kommuner och regioner.

## Vad pengarna ska användas till

- jämställdhetsintegrering i styrningen
- arbetet mot våld i nära relationer

Läs mer om [SKR:s arbete med jämställdhet](/amnen/jamstalldhet).`;

// Fill the article form on the current page.
async function fillArticle(page, { title, lead = LEAD, body = BODY,
    topic = 'Jämställdhet', experts = ['Love Nordenmark', 'Jenny Norén'] })
{
	await page.fill('#title', title);
	await page.fill('#lead', lead);
	await page.fill('#body', body);
	if (topic)
		await page.getByRole('checkbox', { name: topic, exact: true }).check();
	for (const e of experts)
		await page.getByRole('checkbox', { name: new RegExp(`^${e}`) }).check();
}

async function checkPublic(page, base, title)
{
	await page.goto(`${base}/nyheter`);
	assert.equal(await page.getByRole('link', { name: title, exact: true })
	    .count(), 1, `${title} on /nyheter`);
	await page.goto(`${base}/amnen/jamstalldhet`);
	assert.equal(await page.getByRole('link', { name: title, exact: true })
	    .count(), 1, `${title} on /amnen/jamstalldhet`);
}

// The publish flow: new form, preview (the public page look), publish.
async function publishFlow(page, base, title)
{
	await page.goto(`${base}/admin/artiklar/ny`);
	await fillArticle(page, { title });
	await clickPost(page, 'Förhandsgranska');
	assert.equal(await page.locator('h1').textContent(), title);
	assert.match(await page.locator('.preview-banner').textContent(),
	    /Förhandsgranskning – inte publicerad/);
	const experts = await page.locator('section[aria-labelledby=sakkunnig]')
	    .textContent();
	assert.match(experts, /Love Nordenmark/);
	assert.match(experts, /Jenny Norén/);
	await clickPost(page, 'Publicera nu');
	assert.match(await page.locator('.callout.ok').textContent(),
	    /Artikeln är publicerad/);
	await checkPublic(page, base, title);
}

describe('the article editor', () => {
	let site, browser;

	before(async () => {
		site = await startSite({ testClock: true });
		mkuser(site.db, 'rita', 'redaktor');
		browser = await launchBrowser();
	});

	after(async () => {
		await browser?.close();
		await site?.stop();
	});

	it('publishes the news item with a topic and two experts', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signIn(page, site.base, 'rita');
		await publishFlow(page, site.base, TITLE);
		await context.close();
	});

	it('works the same with JavaScript off', async () => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await signIn(page, site.base, 'rita');
		await publishFlow(page, site.base, `${TITLE} utan JavaScript`);
		await context.close();
	});

	it('keeps a scheduled article hidden until its time', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const title = 'Schemalagd nyhet om kvinnofrid';
		await signIn(page, site.base, 'rita');
		await page.goto(`${site.base}/admin/artiklar/ny`);
		await fillArticle(page, { title });
		const when = new Date(Date.now() + 3 * 3600 * 1000);
		const fmt = (o) => new Intl.DateTimeFormat('sv-SE',
		    { timeZone: 'Europe/Stockholm', ...o }).format(when);
		await page.fill('#pub_date', fmt({ year: 'numeric', month: '2-digit',
		    day: '2-digit' }));
		await page.fill('#pub_time', fmt({ hour: '2-digit', minute: '2-digit' }));
		await clickPost(page, 'Schemalägg');
		assert.match(await page.locator('.callout.ok').textContent(),
		    /schemalagd/);
		await page.goto(`${site.base}/nyheter`);
		assert.equal(await page.getByRole('link', { name: title }).count(), 0);
		const r = await page.goto(`${site.base}/nyheter/schemalagd-nyhet-om-kvinnofrid`);
		assert.equal(r.status(), 404);
		sql(site.db, "INSERT OR REPLACE INTO setting(key, value) VALUES ('test_clock_offset', '14400')");
		try {
			await checkPublic(page, site.base, title);
		} finally {
			sql(site.db, "DELETE FROM setting WHERE key = 'test_clock_offset'");
		}
		await context.close();
	});

	it('has no axe violations or HTML errors on any editor page', async () => {
		const context = await browser.newContext({ bypassCSP: true });
		const page = await context.newPage();
		const docs = [];
		const shots = process.env.SHOTS;
		const look = async (name, resp) => {
			const v = await runAxe(page);
			assert.deepEqual(v, [], `${name}:\n${formatViolations(v)}`);
			docs.push({ name, html: resp ? await resp.text() :
			    await (await context.request.get(page.url())).text() });
			if (!shots)
				return;
			mkdirSync(shots, { recursive: true });
			for (const width of [1280, 375]) {
				await page.setViewportSize({ width, height: 900 });
				await page.screenshot({ fullPage: true,
				    path: path.join(shots, `${name}-${width}.png`) });
			}
			await page.setViewportSize({ width: 1280, height: 900 });
		};
		await signIn(page, site.base, 'rita');
		await page.goto(`${site.base}/admin/artiklar`);
		await look('list');
		await page.goto(`${site.base}/admin/artiklar/ny`);
		await look('form-new');
		await page.fill('#body', 'Läs rapporten [här](https://example.org).\n\n### Hoppar');
		await page.fill('#link_title_1', 'Trasig länk');
		await page.fill('#link_url_1', 'ftp://example.org');
		await look('form-errors', await clickPost(page, 'Publicera nu'));
		await fillArticle(page, { title: 'Granskad artikel', topic: null,
		    experts: [] });
		await page.fill('#link_url_1', '/amnen/jamstalldhet');
		await look('preview', await clickPost(page, 'Förhandsgranska'));
		await clickPost(page, 'Tillbaka till redigeringen');
		assert.equal(await page.inputValue('#title'), 'Granskad artikel');
		await clickPost(page, 'Spara utkast');
		const edit = page.url().replace(/\?.*/, '');
		await look('form-edit');
		await page.fill('#lead', 'En ändrad ingress.');
		await clickPost(page, 'Spara utkast');
		await page.goto(`${edit}/versioner`);
		await look('revisions');
		await page.getByRole('button', { name: 'Jämför' }).click();
		await page.waitForLoadState();
		assert.match(page.url(), /jamfor\?a=1&b=2/);
		await look('diff');
		await page.goto(`${edit}/versioner/1`);
		await look('revision');
		await page.goto(`${edit}/versioner/1/aterstall`);
		await look('restore');
		// Two tabs on the same version: the second save conflicts.
		await page.goto(edit);
		const other = await context.newPage();
		await other.goto(edit);
		await other.fill('#lead', 'Den andra fliken hann först.');
		await clickPost(other, 'Spara utkast');
		await page.fill('#lead', 'Min egen ingress.');
		const conflict = await clickPost(page, 'Spara utkast');
		assert.equal(conflict.status(), 409);
		assert.equal(await page.inputValue('#lead'), 'Min egen ingress.');
		await look('conflict', conflict);
		await page.goto(`${site.base}/admin/amnen`);
		await look('topics');
		await page.goto(`${site.base}/admin/amnen/1`);
		await look('topic-form');
		const res = await validateHtml(docs);
		for (const [name, errors] of res)
			assert.deepEqual(errors, [], `${name}:\n${formatHtmlErrors(errors)}`);
		await context.close();
	});

	it('publishes with the keyboard alone', async () => {
		const context = await browser.newContext();
		const page = await context.newPage();
		const title = 'Tangentbordet räcker för att publicera';
		const kb = page.keyboard;
		// Tab (or Shift+Tab) until the focused element matches pred.
		const tabTo = async (pred, back = false) => {
			for (let i = 0; i < 120; i++) {
				await kb.press(back ? 'Shift+Tab' : 'Tab');
				const d = await page.evaluate(() => {
					const e = document.activeElement;
					return e ? { id: e.id, tag: e.tagName,
					    text: (e.textContent || '').trim(),
					    label: e.labels?.[0]?.textContent.trim() ?? '',
					    value: e.value ?? '' } : null;
				});
				if (d && pred(d))
					return d;
			}
			throw new Error('focus never reached the element');
		};
		await page.goto(`${site.base}/admin/logga-in`);
		await tabTo((d) => d.id === 'namn');
		await kb.type('rita');
		await tabTo((d) => d.id === 'losenord');
		await kb.type(PW);
		await kb.press('Enter');
		await page.waitForURL(`${site.base}/admin`);
		await tabTo((d) => d.tag === 'A' && d.text === 'Ny artikel');
		await kb.press('Enter');
		await page.waitForURL(/\/admin\/artiklar\/ny$/);
		await tabTo((d) => d.id === 'title');
		await kb.type(title);
		await tabTo((d) => d.id === 'lead');
		await kb.type(LEAD);
		await tabTo((d) => d.id === 'body');
		await kb.type('Ett stycke om satsningen.');
		await tabTo((d) => d.label === 'Jämställdhet');
		await kb.press('Space');
		await tabTo((d) => d.label.startsWith('Love Nordenmark'));
		await kb.press('Space');
		await tabTo((d) => d.label.startsWith('Jenny Norén'));
		await kb.press('Space');
		// Back up with Shift+Tab to check the topic stayed ticked.
		await tabTo((d) => d.label === 'Jämställdhet', true);
		assert.equal(await page.getByRole('checkbox', { name: 'Jämställdhet',
		    exact: true }).isChecked(), true);
		await tabTo((d) => d.tag === 'BUTTON' && d.text === 'Publicera nu');
		await kb.press('Enter');
		await page.waitForURL(/klart=publicerad/);
		assert.match(await page.locator('.callout.ok').textContent(),
		    /Artikeln är publicerad/);
		await checkPublic(page, site.base, title);
		await context.close();
	});
});

// editor.test.mjs -- the article editor in a real browser through nginx:
// an editor (role redaktor) signs in, writes the 20-million-kronor news
// item with a topic and two experts, previews it (the public page look),
// publishes it and finds it on /nyheter and its topic page; a scheduled
// article stays hidden until the test clock passes its time; the same
// flow with JavaScript off; axe and the Nu checker on every editor page;
// and the whole publish flow with the keyboard alone.  "editor layout":
// the versions page, the restore step and the audit log at 375 px (a
// phone) and 1280 px: no sideways scrolling, the version menus inside the
// page, and the audit log in Swedish (field labels as in the editor,
// names instead of ids, Stockholm dates, the body as a line diff).
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

// axe (WCAG 2.2 A/AA) on the page as it is, and its source for the Nu
// checker into docs.
async function clean(page, name, docs)
{
	const v = await runAxe(page);
	assert.deepEqual(v, [], `${name}:\n${formatViolations(v)}`);
	docs.push({ name, html: await (await page.context().request
	    .get(page.url())).text() });
}

// The page at WIDTH: no sideways scroll, every select inside the
// viewport; screenshots under SHOTS.
async function fits(page, name, width)
{
	await page.setViewportSize({ width, height: 900 });
	if (process.env.SHOTS) {
		mkdirSync(process.env.SHOTS, { recursive: true });
		await page.screenshot({ fullPage: true,
		    path: path.join(process.env.SHOTS, `${name}-${width}.png`) });
		await page.screenshot({ fullPage: true, clip: { x: 0, y: 380,
		    width, height: 1000 }, path: path.join(process.env.SHOTS,
		    `${name}-${width}-part.png`) });
	}
	const m = await page.evaluate(() => {
		const s = document.scrollingElement;
		const sel = [...document.querySelectorAll('select')].map((e) => {
			const r = e.getBoundingClientRect();
			return { id: e.id, left: r.left, right: r.right };
		});
		return { sw: s.scrollWidth, cw: s.clientWidth, sel };
	});
	assert.ok(m.sw <= m.cw, `${name} at ${width} px scrolls sideways: ` +
	    `scrollWidth ${m.sw} > clientWidth ${m.cw}`);
	for (const s of m.sel)
		assert.ok(s.left >= 0 && s.right <= m.cw,
		    `${name} at ${width} px: #${s.id} is cut off (${s.left}..${s.right})`);
}

describe('editor layout', () => {
	let site, browser, edit;

	before(async () => {
		site = await startSite();
		mkuser(site.db, 'rita', 'redaktor');
		mkuser(site.db, 'anna', 'admin');
		browser = await launchBrowser();
		// rita writes an article in three versions
		const context = await browser.newContext();
		const page = await context.newPage();
		await signIn(page, site.base, 'rita');
		await page.goto(`${site.base}/admin/artiklar/ny`);
		await page.fill('#title', 'Nya regler för färdtjänst i länet');
		await page.fill('#lead', 'Regionen inför nya regler för färdtjänst.');
		await page.fill('#body', 'Första stycket.\n\nAndra stycket om resorna.');
		await page.getByRole('checkbox', { name: 'Jämställdhet', exact: true }).check();
		await page.getByRole('checkbox', { name: /^Love Nordenmark/ }).check();
		await clickPost(page, 'Spara utkast');
		edit = page.url().replace(/\?.*/, '');
		await page.fill('#lead', 'Regionen inför nya regler för färdtjänst från den 1 maj.');
		await page.fill('#body', 'Första stycket.\n\nAndra stycket om resorna, nu längre.\n\nTredje stycket.');
		await clickPost(page, 'Spara utkast');
		await page.fill('#link_title_1', 'Färdtjänst');
		await page.fill('#link_url_1', '/amnen/jamstalldhet');
		await clickPost(page, 'Publicera nu');
		await context.close();
	});

	after(async () => {
		await browser?.close();
		await site?.stop();
	});

	it('editor_versions page does not scroll sideways at 375 px', async () => {
		const context = await browser.newContext({ bypassCSP: true });
		const page = await context.newPage();
		const docs = [];
		await signIn(page, site.base, 'rita');
		await page.goto(`${edit}/versioner`);
		for (const w of [375, 1280])
			await fits(page, 'versions', w);
		await clean(page, 'versions', docs);
		await page.goto(`${edit}/versioner/1/aterstall`);
		for (const w of [375, 1280])
			await fits(page, 'restore', w);
		await clean(page, 'restore', docs);
		for (const [name, errors] of await validateHtml(docs))
			assert.deepEqual(errors, [], `${name}:\n${formatHtmlErrors(errors)}`);
		assert.equal(await page.getByRole('button',
		    { name: 'Ja, återställ version 1' }).count(), 1);
		await context.close();
	});

	it('editor_audit log reads as Swedish at 375 and 1280 px', async () => {
		const context = await browser.newContext({ bypassCSP: true });
		const page = await context.newPage();
		const docs = [];
		await signIn(page, site.base, 'anna');
		await page.goto(`${site.base}/admin/logg?typ=artikel`);
		// each entry's summary names the fields that changed
		assert.match(await page.locator('.audit-entry summary').first()
		    .innerText(), /^Ändrat: .*Status.*Läs vidare/);
		for (const s of await page.locator('.audit-entry summary').all())
			await s.click();
		for (const w of [1280, 375])
			await fits(page, 'audit', w);
		const text = await page.locator('main').innerText();
		for (const raw of ['body_md', 'publish_at', 'kind', 'topics',
		    'experts', '"url"', 'redaktor'])
			assert.ok(!text.includes(raw), `the log shows "${raw}"`);
		for (const label of ['Rubrik', 'Ingress', 'Brödtext', 'Ämnen',
		    'Sakkunniga', 'Läs vidare', 'Publiceringstid', 'Jämställdhet',
		    'Love Nordenmark'])
			assert.ok(text.includes(label), `the log lacks "${label}"`);
		// the body as a line diff: the added paragraph is its own line
		assert.ok(await page.locator('.audit-entry ins', {
		    hasText: 'Tredje stycket.' }).count() > 0,
		    'the body change is not a line diff');
		// a field label is at least a word wide at 375 px
		await page.setViewportSize({ width: 375, height: 900 });
		const w = await page.locator('.audit-field-label').first()
		    .evaluate((e) => e.getBoundingClientRect().width);
		assert.ok(w > 80, `field label squeezed to ${w} px`);
		await clean(page, 'audit', docs);
		for (const [name, errors] of await validateHtml(docs))
			assert.deepEqual(errors, [], `${name}:\n${formatHtmlErrors(errors)}`);
		await context.close();
	});
});

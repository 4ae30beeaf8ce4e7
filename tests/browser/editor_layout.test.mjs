// editor_layout.test.mjs -- the versions page, the restore step and the
// audit log read at 375 px (a phone) and 1280 px: no sideways scrolling,
// the version menus inside the page, and the audit log in Swedish (field
// labels as in the editor, names instead of ids, Stockholm dates, the
// body as a line diff, roles in Swedish).
//
// SHOTS=DIR saves screenshots of these pages at 1280 and 375 px.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BIN, formatHtmlErrors, formatViolations, launchBrowser, runAxe,
    startSite, validateHtml } from './lib.mjs';

const PW = 'losenord-123';

function mkuser(db, name, role)
{
	const r = spawnSync(BIN, ['user', 'add', '--role', role, name, '--db', db],
	    { input: `${PW}\n`, encoding: 'utf8' });
	assert.equal(r.status, 0, `user add: ${r.stderr}`);
}

async function signIn(page, base, name)
{
	await page.goto(`${base}/admin/logga-in`);
	await page.fill('#namn', name);
	await page.fill('#losenord', PW);
	await page.getByRole('button', { name: 'Logga in' }).click();
	await page.waitForURL(`${base}/admin`);
}

async function save(page, button)
{
	await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST'),
		page.getByRole('button', { name: button, exact: true }).click(),
	]);
	await page.waitForLoadState();
}

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
		await save(page, 'Spara utkast');
		edit = page.url().replace(/\?.*/, '');
		await page.fill('#lead', 'Regionen inför nya regler för färdtjänst från den 1 maj.');
		await page.fill('#body', 'Första stycket.\n\nAndra stycket om resorna, nu längre.\n\nTredje stycket.');
		await save(page, 'Spara utkast');
		await page.fill('#link_title_1', 'Färdtjänst');
		await page.fill('#link_url_1', '/amnen/jamstalldhet');
		await save(page, 'Publicera nu');
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

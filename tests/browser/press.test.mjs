// press.test.mjs -- the staff pages for contacts, press duty, the site
// notice, accounts, the audit log and the accessibility statement, in a
// real Chromium through nginx, with JavaScript off:
// - a press officer signs in, changes a contact's phone number, and the
//   article page and /kontakt show the new number at once;
// - an editor (redaktor) is refused the accounts page with a 403 that
//   says why;
// - every one of these pages (lists, forms, forms with errors, a conflict,
//   the audit log) has zero axe-core violations at 1280 and 320 px, no
//   sideways scrolling at 320 px, and zero Nu HTML checker errors.
// With SCREENSHOT_DIR set, screenshots at 1280 and 375 px are written
// there (staff-<name>-<width>.png).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BIN, formatHtmlErrors, formatViolations, launchBrowser, runAxe,
    sql, startSite, validateHtml } from './lib.mjs';

const SEED = '/nyheter/fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid';
const PW = 'losenord-123';
const shots = process.env.SCREENSHOT_DIR;

// Create an account with the CLI (the password on stdin).
function addUser(db, name, role)
{
	const r = spawnSync(BIN, ['user', 'add', '--role', role, name,
	    '--db', db], { input: `${PW}\n`, encoding: 'utf8' });
	assert.equal(r.status, 0, `user add ${name}: ${r.stderr}`);
}

// Sign in through the form in a fresh context; resolves to the page.
// JavaScript is off unless js (axe needs it; the site has none).
async function signIn(browser, site, name, js = false)
{
	const context = await browser.newContext({ bypassCSP: true,
	    javaScriptEnabled: js, viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await page.goto(`${site.base}/admin/logga-in`);
	await page.fill('#namn', name);
	await page.fill('#losenord', PW);
	await Promise.all([page.waitForNavigation(),
	    page.click('button[type=submit]')]);
	assert.match(page.url(), /\/admin$/, `${name} did not get in`);
	return page;
}

// Submit the form holding SEL by clicking its submit button; resolves to
// the navigation's response (that of the POST itself when it is not a
// redirect).
async function submit(page, sel = 'form.form button[type=submit]')
{
	const [resp] = await Promise.all([page.waitForNavigation(),
	    page.click(sel)]);
	return resp;
}

// Elements sticking out past the right edge.
function overflowing()
{
	const w = document.documentElement.clientWidth;
	const out = [];
	for (const el of document.body.querySelectorAll('*')) {
		const r = el.getBoundingClientRect();
		if (r.right > w + 0.5 && r.width > 0 &&
		    !el.closest('.table-wrap'))
			out.push(`${el.tagName.toLowerCase()}.${el.className} ` +
			    `(right ${Math.round(r.right)} > ${w})`);
	}
	return { scrollWidth: document.documentElement.scrollWidth,
	    clientWidth: w, out: out.slice(0, 10) };
}

describe('the press officer and the admin pages', () => {
	let site, browser;
	const docs = [];	// { name, html } for the Nu checker

	before(async () => {
		site = await startSite();
		addUser(site.db, 'anna', 'admin');
		addUser(site.db, 'presse', 'press');
		addUser(site.db, 'rita', 'redaktor');
		browser = await launchBrowser();
		if (shots)
			mkdirSync(shots, { recursive: true });
	});

	after(async () => {
		await browser?.close();
		await site?.stop();
	});

	it('a press officer changes a phone number and the article shows it',
	    async () => {
		const page = await signIn(browser, site, 'presse');
		await page.click('nav a[href="/admin/kontakter"]');
		await Promise.all([page.waitForNavigation(),
		    page.click('a:text-is("Helene Lindstrand")')]);
		assert.equal(await page.inputValue('#telefon'), '08-452 70 47');
		await page.fill('#telefon', '08-452 70 88');
		const r = await submit(page);
		assert.equal(r.status(), 200);
		assert.match(page.url(), /\/admin\/kontakter\/3\?sparad=1$/);
		assert.match(await page.textContent('.callout.ok'),
		    /Kontakten är sparad/);
		await page.goto(site.base + SEED);
		const article = await page.textContent('main');
		assert.match(article, /08-452 70 88/);
		assert.doesNotMatch(article, /08-452 70 47/);
		await page.goto(`${site.base}/kontakt`);
		assert.match(await page.textContent('main'), /08-452 70 88/);
		assert.deepEqual(sql(site.db,
		    "SELECT json_extract(after_json, '$.telefon') FROM audit_log " +
		    "WHERE object_type = 'kontakt' ORDER BY id DESC LIMIT 1"),
		    ['08-452 70 88']);
		await page.context().close();
	});

	it('an editor is refused the accounts page', async () => {
		const page = await signIn(browser, site, 'rita');
		assert.equal(await page.locator('nav a[href="/admin/konton"]')
		    .count(), 0, 'the accounts link is not offered');
		const r = await page.goto(`${site.base}/admin/konton`);
		assert.equal(r.status(), 403);
		assert.match(await page.textContent('main'),
		    /till för administratörer/);
		const k = await page.goto(`${site.base}/admin/kontakter`);
		assert.equal(k.status(), 403);
		await page.context().close();
	});

	// Every page of this area, as [name, how to get there]; `go` gets
	// the page (signed in as admin) and resolves to the response whose
	// body is the document.
	const PAGES = [
		['kontakter', (p, b) => p.goto(`${b}/admin/kontakter`), 200],
		['kontakt', (p, b) => p.goto(`${b}/admin/kontakter/3`), 200],
		['kontakt-ny', (p, b) => p.goto(`${b}/admin/kontakter/ny`), 200],
		['kontakt-fel', async (p, b) => {
			await p.goto(`${b}/admin/kontakter/4`);
			await p.fill('#epost', 'karin.holmqvist-at-skr');
			await p.fill('#telefon', 'ring mig');
			return submit(p);
		}, 400],
		['kontakt-krock', async (p, b, db) => {
			await p.goto(`${b}/admin/kontakter/2`);
			sql(db, "UPDATE contact SET title = 'Projektchef', " +
			    'version = version + 1 WHERE id = 2');
			await p.fill('#titel', 'Senior projektledare');
			return submit(p);
		}, 409],
		['pressjour', (p, b) => p.goto(`${b}/admin/pressjour`), 200],
		['pressjour-fel', async (p, b) => {
			await p.goto(`${b}/admin/pressjour`);
			await p.fill('#telefon', '');
			return submit(p);
		}, 400],
		['notis', (p, b) => p.goto(`${b}/admin/notis`), 200],
		['notis-fel', async (p, b) => {
			await p.goto(`${b}/admin/notis`);
			await p.fill('#text', '');
			await p.fill('#lankadress', 'javascript:alert(1)');
			return submit(p);
		}, 400],
		['konton', (p, b) => p.goto(`${b}/admin/konton`), 200],
		['konto-ny', (p, b) => p.goto(`${b}/admin/konton/ny`), 200],
		['konto-ny-fel', async (p, b) => {
			await p.goto(`${b}/admin/konton/ny`);
			await p.fill('#namn', 'anna');
			await p.fill('#losenord', 'kort');
			await p.fill('#losenord2', 'annat');
			return submit(p);
		}, 400],
		['konto', (p, b) => p.goto(`${b}/admin/konton/2`), 200],
		['konto-sista-admin', async (p, b) => {
			await p.goto(`${b}/admin/konton/1`);
			await p.check('#roll-press');
			return submit(p);
		}, 409],
		['mitt-konto', (p, b) => p.goto(`${b}/admin/mitt-konto`), 200],
		['mitt-konto-fel', async (p, b) => {
			await p.goto(`${b}/admin/mitt-konto`);
			await p.fill('#losenord_nu', 'fel-losenord');
			await p.fill('#losenord', 'kort');
			await p.fill('#losenord2', 'annat');
			return submit(p);
		}, 400],
		['logg', (p, b) => p.goto(`${b}/admin/logg`), 200],
		['logg-kontakter', (p, b) => p.goto(`${b}/admin/logg?typ=kontakt`),
		    200],
		['tillganglighet', (p, b) => p.goto(`${b}/admin/tillganglighet`),
		    200],
		['tillganglighet-fel', async (p, b) => {
			await p.goto(`${b}/admin/tillganglighet`);
			await p.fill('#granskad', '');
			await p.fill('#brodtext', '');
			return submit(p);
		}, 400],
		['tillganglighet-publik', (p, b) => p.goto(`${b}/tillganglighet`),
		    200],
	];

	it('every page: axe at 1280 and 320 px, no sideways scrolling',
	    async () => {
		const page = await signIn(browser, site, 'anna', true);
		const problems = [];
		for (const [name, go, want] of PAGES) {
			await page.setViewportSize({ width: 1280, height: 800 });
			const r = await go(page, site.base, site.db);
			assert.equal(r.status(), want, `${name}: status`);
			docs.push({ name, html: await r.text() });
			if (shots)
				await page.screenshot({ fullPage: true, path:
				    path.join(shots, `staff-${name}-1280.png`) });
			let v = await runAxe(page);
			if (v.length)
				problems.push(`${name} at 1280 px:\n` +
				    formatViolations(v));
			if (shots) {
				await page.setViewportSize({ width: 375,
				    height: 667 });
				await page.screenshot({ fullPage: true, path:
				    path.join(shots, `staff-${name}-375.png`) });
			}
			await page.setViewportSize({ width: 320, height: 640 });
			v = await runAxe(page);
			if (v.length)
				problems.push(`${name} at 320 px:\n` +
				    formatViolations(v));
			const o = await page.evaluate(overflowing);
			if (o.scrollWidth > o.clientWidth)
				problems.push(`${name} scrolls sideways at 320 ` +
				    `px (${o.scrollWidth} > ${o.clientWidth}):\n` +
				    `    ${o.out.join('\n    ')}`);
		}
		await page.context().close();
		assert.equal(problems.length, 0, problems.join('\n'));
	});

	it('every page is valid HTML (Nu checker)', async () => {
		assert.ok(docs.length >= PAGES.length, 'the pages were fetched');
		const res = await validateHtml(docs);
		const bad = [...res].filter(([, errs]) => errs.length)
		    .map(([name, errs]) => `${name}:\n${formatHtmlErrors(errs)}`);
		assert.equal(bad.length, 0, bad.join('\n'));
	});
});

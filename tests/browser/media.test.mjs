// media.test.mjs -- the picture library in a real Chromium through nginx
// (issue 14):
// - an editor uploads a picture through /admin/media/ny with a plain
//   <input type=file>, once with JavaScript off and once with it on, and
//   lands on the picture's page; an SVG is refused in Swedish with the
//   text kept;
// - an editor places a picture in an article's text by keyboard: the
//   toolbar's "Bild" opens the library under the field, "Infoga" puts
//   the picture's line at the caret;
// - the editor gives an article a lead image from the library, and the
//   article shows it in a <figure> with og:image; attaches a PDF; a
//   contact gets a portrait;
// - /admin/media, the upload form (empty and with errors), a picture's
//   page, the lead-image and portrait pickers, the documents page,
//   /pressbilder, /pressbilder/ID, the article with its image and
//   document, an article with a library picture in its text, /nyheter
//   with a thumbnail, /kontakt with a portrait, the staff start page
//   listing a picture whose consent soon ends, and the
//   accessibility statement listing the document have zero axe-core
//   violations at 1280 and
//   320 px, no sideways scrolling at 320 px, and zero Nu checker errors.
// With SCREENSHOT_DIR set, screenshots at 1280 and 320 px are written
// there (media-<name>-<width>.png).

import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { SRC, formatHtmlErrors, formatViolations, launchBrowser,
    mkuser, runAxe, signIn as libSignIn, sql, startSite, validateHtml }
    from './lib.mjs';

const SEED = '/nyheter/fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid';
const shots = process.env.SCREENSHOT_DIR;

function png(dir, name, w, h)
{
	const f = path.join(dir, name);
	const r = spawnSync('/usr/bin/python3', [path.join(SRC,
	    'tests/integration/media_png.py'), String(w), String(h), f]);
	assert.equal(r.status, 0, 'media_png.py failed');
	return f;
}

// NAME signed in, in a context of its own with JavaScript on or off.
async function signIn(browser, site, name, js)
{
	const context = await browser.newContext({ bypassCSP: true,
	    javaScriptEnabled: js, viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await libSignIn(page, site.base, name);
	return page;
}

async function submit(page, sel)
{
	const [resp] = await Promise.all([page.waitForNavigation(),
	    page.click(sel)]);
	return resp;
}

describe('the picture library in a browser', () => {
	let site, browser, page;
	const docs = [];	// [name, path, html] for axe and the Nu checker

	before(async () => {
		site = await startSite();
		mkuser(site.db, 'red', 'redaktor');
		browser = await launchBrowser();
		if (shots)
			mkdirSync(shots, { recursive: true });
	});

	after(async () => {
		await browser?.close();
		await site?.stop();
	});

	for (const js of [false, true]) {
		it(`uploads through the form with JavaScript ${js ? 'on' : 'off'}`,
		    async () => {
			const p = await signIn(browser, site, 'red', js);
			await p.goto(`${site.base}/admin/media/ny`);
			await p.setInputFiles('#fil', png(site.dir,
			    `bild-${js}.png`, js ? 1200 : 900, 600));
			await p.fill('#alt', `Ett provfoto ${js ? 'med' : 'utan'} skript`);
			await p.fill('#credit', 'Anna Andersson');
			await p.fill('#caption', 'Provbild');
			const r = await submit(p, 'form.form button[type=submit]');
			assert.equal(r.status(), 200);
			assert.match(p.url(), /\/admin\/media\/\d+\?klart=uppladdad$/);
			assert.match(await p.textContent('main'), /Bilden är uppladdad/);
			assert.equal(await p.locator('main figure img').count(), 1);
			await p.context().close();
		});
	}

	it('refuses an SVG in Swedish, keeping the text', async () => {
		page = await signIn(browser, site, 'red', false);
		const svg = path.join(site.dir, 'x.svg');
		writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg" ' +
		    'width="9" height="9"/>');
		await page.goto(`${site.base}/admin/media/ny`);
		await page.setInputFiles('#fil', svg);
		await page.fill('#alt', 'En vektorbild');
		await page.fill('#credit', 'Bo Bild');
		const r = await submit(page, 'form.form button[type=submit]');
		assert.equal(r.status(), 415);
		assert.match(await page.textContent('.error-summary'),
		    /SVG-bilder tas inte emot: de kan bära skript/);
		assert.equal(await page.inputValue('#credit'), 'Bo Bild');
		docs.push(['ny-fel', '/admin/media/ny', await r.text()]);
		assert.equal(sql(site.db, 'SELECT count(*) FROM media')[0], '2');
	});

	it('gives an article a lead image from the library', async () => {
		const aid = sql(site.db, "SELECT id FROM article WHERE slug = " +
		    "'fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid'")[0];
		const mid = sql(site.db, 'SELECT max(id) FROM media')[0];
		await page.goto(`${site.base}/admin/artiklar/${aid}`);
		await Promise.all([page.waitForNavigation(),
		    page.click('a[href$="/admin/media/artikel/' + aid + '"]')]);
		await page.check(`#bild-${mid}`);
		const r = await submit(page, 'form.form button[type=submit]');
		assert.equal(r.status(), 200);
		assert.match(await page.textContent('main'), /Huvudbilden är sparad/);
		const a = await page.goto(site.base + SEED);
		const html = await a.text();
		assert.match(html, /<figure class="article-image">/);
		assert.match(html, new RegExp('<meta property="og:image" content="' +
		    site.base.replace(/[.]/g, '\\.') + '/media/[0-9a-f]+-1200\\.jpg">'));
		docs.push(['plockare', `/admin/media/artikel/${aid}`, null]);
		docs.push(['bild', `/admin/media/${mid}`, null]);
		docs.push(['bildbank', '/admin/media', null]);
		docs.push(['bildbank-sok', '/admin/media?q=Anna', null]);
		docs.push(['ny', '/admin/media/ny', null]);
		docs.push(['pressbilder', '/pressbilder', null]);
		docs.push(['pressbild', `/pressbilder/${mid}`, null]);
		docs.push(['artikel-med-bild', SEED, null]);
	});

	it('places a picture in the text from the toolbar, by keyboard', async () => {
		const p = await signIn(browser, site, 'red', true);
		const mid = sql(site.db, 'SELECT max(id) FROM media')[0];
		const alt = sql(site.db, `SELECT alt FROM media WHERE id = ${mid}`)[0];
		await p.goto(`${site.base}/admin/artiklar/ny`);
		await p.fill('#title', 'Bild ur bildbanken');
		await p.fill('#lead', 'En bild i texten.');
		await p.focus('#body');
		await p.keyboard.type('Före.');
		await p.keyboard.press('Alt+F10');
		await p.keyboard.press('End');
		assert.equal(await p.evaluate(() => document.activeElement
		    .textContent), 'Bild');
		await p.keyboard.press('Enter');
		assert.equal(await p.evaluate(() => document.activeElement
		    .getAttribute('aria-label')), `Infoga Bild ${mid}: ${alt} i texten`);
		assert.equal(await p.locator('#bildbank').getAttribute('open'), '');
		if (shots)
			await p.locator('#bildbank').screenshot({ path:
			    path.join(shots, 'media-editor-library-1280.png') });
		await p.keyboard.press('Enter');
		assert.equal(await p.evaluate(() => document.activeElement.id), 'body');
		assert.equal(await p.inputValue('#body'),
		    `Före.\n\n![${alt}](/pressbilder/${mid})\n\n`);
		const r = await submit(p, 'button[value=publicera]');
		assert.equal(r.status(), 200);
		const a = await (await fetch(`${site.base}/nyheter/bild-ur-bildbanken`)).text();
		assert.match(a, /<figure class="article-image">/);
		assert.match(a, new RegExp(`alt="${alt}"`));
		docs.push(['editor-bildbank', '/admin/artiklar/ny', null]);
		docs.push(['artikel-bild-i-texten', '/nyheter/bild-ur-bildbanken',
		    null]);
		await p.context().close();
	});

	it('attaches a document and gives a contact a portrait', async () => {
		const aid = sql(site.db, "SELECT id FROM article WHERE slug = " +
		    "'fortsatt-satsning-pa-jamstalldhet-och-kvinnofrid'")[0];
		const pdf = path.join(site.dir, 'Rapport 2027.pdf');
		writeFileSync(pdf, '%PDF-1.4\nrapport\n%%EOF\n');
		await page.goto(`${site.base}/admin/media/dokument/${aid}`);
		await page.setInputFiles('#fil', pdf);
		await page.fill('#titel', 'Rapport om kvinnofrid');
		const r = await submit(page, 'form.form button[type=submit]');
		assert.equal(r.status(), 200);
		assert.match(await page.textContent('main'), /Dokumentet är bifogat/);
		const a = await page.goto(site.base + SEED);
		assert.match(await a.text(), /Rapport om kvinnofrid<\/a> <span class="muted">\(PDF, 1 kB\)/);
		// The portrait: a picture with consent, chosen for a contact.
		const mid = sql(site.db, 'SELECT max(id) FROM media')[0];
		// Its consent ends in a week: the start page lists it.
		sql(site.db, "UPDATE media SET legal_basis = 'Samtycke', " +
		    `expires_at = unixepoch() + 7 * 86400 WHERE id = ${mid}`);
		const cid = sql(site.db, 'SELECT id FROM contact WHERE ' +
		    'active = 1 AND press_officer = 1 ORDER BY id LIMIT 1')[0];
		mkuser(site.db, 'pia', 'press');
		const pia = await signIn(browser, site, 'pia', false);
		await pia.goto(`${site.base}/admin/kontakter/${cid}`);
		await Promise.all([pia.waitForNavigation(),
		    pia.click(`a[href="/admin/media/kontakt/${cid}"]`)]);
		await pia.check(`#bild-${mid}`);
		const p = await submit(pia, 'form.form button[type=submit]');
		assert.equal(p.status(), 200);
		assert.match(await pia.textContent('main'), /Porträttet är sparat/);
		await pia.context().close();
		const k = await (await page.goto(`${site.base}/kontakt`)).text();
		assert.match(k, /class="contact-photo"/);
		docs.push(['dokument', `/admin/media/dokument/${aid}`, null]);
		docs.push(['kontakt-med-portratt', '/kontakt', null]);
		docs.push(['oversikt-samtycke', '/admin', null]);
		docs.push(['tillganglighet', '/tillganglighet', null]);
		docs.push(['nyheter-med-bild', '/nyheter', null]);
		docs.push(['amne-med-pressbilder', '/amnen/jamstalldhet', null]);
	});

	it('every page passes axe at 1280 and 320 px, without sideways scrolling',
	    async () => {
		const ctx = await browser.newContext({ bypassCSP: true,
		    viewport: { width: 1280, height: 800 } });
		await ctx.addCookies(await page.context().cookies());
		const p = await ctx.newPage();
		for (const d of docs) {
			const [name, url] = d;
			for (const width of [1280, 320]) {
				await p.setViewportSize({ width, height: 800 });
				if (name === 'ny-fel') {
					await p.goto(`${site.base}/admin/media/ny`);
					await p.setInputFiles('#fil', path.join(site.dir, 'x.svg'));
					await p.fill('#credit', 'Bo Bild');
					await submit(p, 'form.form button[type=submit]');
				} else {
					const r = await p.goto(site.base + url);
					assert.equal(r.status(), 200, url);
					if (d[2] === null)
						d[2] = await r.text();
				}
				const v = await runAxe(p);
				assert.deepEqual(v, [], `${name} at ${width}:\n` +
				    formatViolations(v));
				const sw = await p.evaluate(() =>
				    document.documentElement.scrollWidth);
				assert.ok(sw <= width, `${name} scrolls sideways at ${width} (${sw})`);
				if (shots)
					await p.screenshot({ fullPage: true, path:
					    path.join(shots, `media-${name}-${width}.png`) });
			}
		}
		await ctx.close();
	});

	it('every page is valid HTML (Nu checker)', async () => {
		const res = await validateHtml(docs.map(([name, , html]) =>
		    ({ name, html })));
		for (const [name, errs] of res)
			assert.deepEqual(errs, [], `${name}:\n${formatHtmlErrors(errs)}`);
	});
});

// mail.test.mjs -- news by e-mail in a real Chromium through nginx, with
// The reader's pages load no script at all (checked below), so they
// work with JavaScript off as they do here: /prenumerera (form, errors kept), the "check your inbox" page
// after a sign-up, the confirm page from the mail's link and the
// confirmed page its button leads to (and the same link once more:
// already confirmed), the unsubscribe page from the same mail's
// List-Unsubscribe link and the ended page its button leads to, and an
// unknown or spent link of each kind (404); the staff page /admin/epost
// (with a mail that waits and one that failed), the press list (list, a
// journalist's form with an error), the editor with its mail boxes, a
// person's data (GDPR) and the documents page with its publication flag
// have zero axe-core violations at 1280 and 320 px, no sideways
// scrolling at 320 px and zero Nu HTML checker errors.  The reader's
// buttons are pressed (real POSTs), not only their pages loaded.  With
// SCREENSHOT_DIR set, screenshots are written there
// (mail-<name>-<width>.png).

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { clickPost, formatHtmlErrors, formatViolations, launchBrowser, mkuser,
    runAxe, signIn, sql, startSite, validateHtml } from './lib.mjs';

const shots = process.env.SCREENSHOT_DIR;

describe('news by e-mail', () => {
	let site, browser;

	before(async () => {
		site = await startSite();
		browser = await launchBrowser();
		mkuser(site.db, 'red', 'redaktor');
		mkuser(site.db, 'anna', 'admin');
	});
	after(async () => {
		await browser?.close();
		await site?.stop();
	});

	// axe at both widths, no sideways scroll, a screenshot each.
	async function check(page, name)
	{
		for (const width of [1280, 320]) {
			await page.setViewportSize({ width, height: 900 });
			const v = await runAxe(page);
			assert.deepEqual(v, [], `${name} at ${width}px:\n` +
			    formatViolations(v));
			const wide = await page.evaluate(() =>
			    document.documentElement.scrollWidth > window.innerWidth);
			assert.equal(wide, false, `${name} scrolls sideways at ${width}px`);
			if (shots) {
				mkdirSync(shots, { recursive: true });
				await page.screenshot({ fullPage: true, path:
				    path.join(shots, `mail-${name}-${width}.png`) });
			}
		}
		return { name, html: await page.content() };
	}

	it('the sign-up pages and the staff page are accessible and valid', async () => {
		const docs = [];
		const reader = await browser.newContext({ bypassCSP: true });
		let page = await reader.newPage();
		let r = await page.goto(`${site.base}/prenumerera`);
		docs.push({ name: 'prenumerera', html: await r.text() });
		await check(page, 'form');
		await page.fill('#epost', 'anna@exempel.se');
		await page.check('input[name=omfang][value=amnen]');
		const [post] = await Promise.all([
		    page.waitForResponse((x) => x.request().method() === 'POST'),
		    page.getByRole('button', { name: /Prenumerera/ }).click()]);
		await page.waitForLoadState();
		assert.equal(post.status(), 400);
		assert.equal(await page.inputValue('#epost'), 'anna@exempel.se');
		docs.push({ name: 'prenumerera-fel', html: await post.text() });
		await check(page, 'form-errors');
		await reader.close();

		const ctx = await browser.newContext({ bypassCSP: true });
		page = await ctx.newPage();
		await signIn(page, site.base, 'red');
		sql(site.db, `INSERT INTO subscriber (email, scope, frequency,
		    created_at, confirm_hash, confirmed_at, unsub_token) VALUES
		    ('a@exempel.se', 'alla', 'direkt', 1, 'h', 1, 'u');
		    INSERT INTO outbox (kind, article_id, recipient, subject,
		    body_text, message_id, state, last_error, next_try_at,
		    created_at) SELECT 'artikel', id, 'a@exempel.se', title, '',
		    'm' || id, 'misslyckad', '550: mailbox unavailable', 1, 1
		    FROM article WHERE status = 'publicerad' LIMIT 2`);
		r = await page.goto(`${site.base}/admin/epost`);
		docs.push({ name: 'admin-epost', html: await r.text() });
		assert.match(await page.textContent('main'), /Ingen e-post skickas/);
		await check(page, 'admin');
		const res = await validateHtml(docs);
		const bad = [...res].filter(([, errs]) => errs.length)
		    .map(([name, errs]) => `${name}:\n${formatHtmlErrors(errs)}`);
		assert.deepEqual(bad, [], bad.join('\n'));
		await ctx.close();
	});

	it('a reader signs up, confirms and ends it, all pages accessible and valid', async () => {
		const docs = [];
		const ctx = await browser.newContext({ bypassCSP: true });
		const page = await ctx.newPage();
		const email = 'bo@exempel.se';
		const doc = async (name, resp) =>
		    docs.push({ name, html: await resp.text() });

		// The form, sent with its defaults: the "check your inbox" page.
		await page.goto(`${site.base}/prenumerera`);
		await page.fill('#epost', email);
		let r = await clickPost(page, 'Prenumerera');
		assert.equal(r.status(), 200);
		assert.match(await page.textContent('main'), /Bekräfta i din inkorg/);
		await doc('inkorg', r);
		await check(page, 'inkorg');

		// The confirmation mail: its link, and the unsubscribe token its
		// List-Unsubscribe header carries.
		const body = sql(site.db, `SELECT body_text FROM outbox
		    WHERE recipient = '${email}'`).join('\n');
		const link = body.match(/https?:\/\/\S+\/prenumerera\/bekrafta\/[A-Za-z0-9_-]+/);
		assert.ok(link, `no confirmation link in the mail:\n${body}`);
		const unsub = sql(site.db, `SELECT unsub_token FROM outbox
		    WHERE recipient = '${email}'`)[0];
		assert.ok(unsub, 'no unsubscribe token on the mail');

		// The link: a page with a button; loading it confirms nothing.
		r = await page.goto(link[0]);
		assert.equal(r.status(), 200);
		assert.equal(sql(site.db, `SELECT confirmed_at IS NULL FROM
		    subscriber WHERE email = '${email}'`)[0], '1');
		await doc('bekrafta', r);
		await check(page, 'bekrafta');
		// Its button: confirmed.
		r = await clickPost(page, 'Bekräfta prenumerationen');
		assert.equal(r.status(), 200);
		assert.match(await page.textContent('main'),
		    /prenumerationen är bekräftad/);
		assert.equal(sql(site.db, `SELECT confirmed_at IS NOT NULL FROM
		    subscriber WHERE email = '${email}'`)[0], '1');
		await doc('bekraftad', r);
		await check(page, 'bekraftad');
		// The link once more: already confirmed.
		r = await page.goto(link[0]);
		assert.equal(r.status(), 200);
		assert.match(await page.textContent('main'), /redan bekräftad/);
		await doc('redan-bekraftad', r);
		await check(page, 'redan-bekraftad');

		// The unsubscribe link: a page with a button; loading it ends
		// nothing.
		const end = `${site.base}/prenumerera/avsluta/${unsub}`;
		r = await page.goto(end);
		assert.equal(r.status(), 200);
		assert.equal(sql(site.db, `SELECT count(*) FROM subscriber
		    WHERE email = '${email}'`)[0], '1');
		await doc('avsluta', r);
		await check(page, 'avsluta');
		// Its button: ended, the address gone.
		r = await clickPost(page, 'Avsluta prenumerationen');
		assert.equal(r.status(), 200);
		assert.match(await page.textContent('main'),
		    /Prenumerationen är avslutad/);
		assert.equal(sql(site.db, `SELECT count(*) FROM subscriber
		    WHERE email = '${email}'`)[0], '0');
		await doc('avslutad', r);
		await check(page, 'avslutad');

		// Links that no longer work: an unknown (or expired)
		// confirmation token, and the spent unsubscribe link.
		r = await page.goto(`${site.base}/prenumerera/bekrafta/okand-token`);
		assert.equal(r.status(), 404);
		assert.match(await page.textContent('main'), /Länken gäller inte längre/);
		await doc('bekrafta-okand', r);
		await check(page, 'bekrafta-okand');
		r = await page.goto(end);
		assert.equal(r.status(), 404);
		assert.match(await page.textContent('main'), /Länken gäller inte längre/);
		await doc('avsluta-okand', r);
		await check(page, 'avsluta-okand');

		// No script on any of them: they work with JavaScript off.
		for (const d of docs)
			assert.doesNotMatch(d.html, /<script/i,
			    `${d.name} loads a script`);
		const res = await validateHtml(docs);
		const bad = [...res].filter(([, errs]) => errs.length)
		    .map(([name, errs]) => `${name}:\n${formatHtmlErrors(errs)}`);
		assert.deepEqual(bad, [], bad.join('\n'));
		await ctx.close();
	});

	it('the press list, the mail boxes, a person\'s data and the documents page are accessible and valid', async () => {
		const docs = [];
		const ctx = await browser.newContext({ bypassCSP: true });
		const page = await ctx.newPage();
		await signIn(page, site.base, 'anna');
		let r = await page.goto(`${site.base}/admin/presslista/ny`);
		await page.fill('#name', 'Karin Ek');
		await page.fill('#outlet', 'Lokaltidningen');
		await page.fill('#email', 'karin@');
		const [bad] = await Promise.all([
		    page.waitForResponse((x) => x.request().method() === 'POST'),
		    page.getByRole('button', { name: 'Spara' }).click()]);
		await page.waitForLoadState();
		assert.equal(bad.status(), 400);
		assert.equal(await page.inputValue('#name'), 'Karin Ek');
		docs.push({ name: 'presslista-fel', html: await bad.text() });
		await check(page, 'presslista-fel');
		await page.fill('#email', 'karin@lokaltidningen.se');
		await page.locator('input[name=topics]').first().check();
		await Promise.all([page.waitForURL(/klart=sparad/),
		    page.getByRole('button', { name: 'Spara' }).click()]);
		r = await page.goto(page.url());
		docs.push({ name: 'presslista-journalist', html: await r.text() });
		await check(page, 'presslista-journalist');
		r = await page.goto(`${site.base}/admin/presslista`);
		assert.equal(r.status(), 200);
		assert.match(await page.textContent('main'), /Karin Ek/);
		docs.push({ name: 'presslista', html: await r.text() });
		await check(page, 'presslista');
		r = await page.goto(`${site.base}/admin/artiklar/ny`);
		assert.equal(await page.getByLabel(/Skicka till presslistan/).count(), 1);
		docs.push({ name: 'editor', html: await r.text() });
		await check(page, 'editor');
		r = await page.goto(`${site.base}/admin/epost/person?epost=karin@lokaltidningen.se`);
		assert.match(await page.textContent('main'), /På presslistan: ja/);
		docs.push({ name: 'person', html: await r.text() });
		await check(page, 'person');
		const aid = sql(site.db, "SELECT id FROM article WHERE status = 'publicerad' LIMIT 1")[0];
		r = await page.goto(`${site.base}/admin/media/dokument/${aid}`);
		assert.equal(await page.getByLabel(/Dokumentet är en publikation/).count(), 1);
		docs.push({ name: 'dokument', html: await r.text() });
		await check(page, 'dokument');
		const res = await validateHtml(docs);
		const errs = [...res].filter(([, e]) => e.length)
		    .map(([name, e]) => `${name}:\n${formatHtmlErrors(e)}`);
		assert.deepEqual(errs, [], errs.join('\n'));
		await ctx.close();
	});
});

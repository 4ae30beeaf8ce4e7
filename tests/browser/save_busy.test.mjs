// save_busy.test.mjs -- a save while another writer holds the database,
// in a real browser: an editor writes a new article and presses "Spara
// utkast" while the sqlite3 tool holds the write lock (BEGIN IMMEDIATE).
// The answer (503) is the form again with a Swedish message that takes
// focus and every field as typed; it passes axe and the Nu checker.
// Once the lock is gone, pressing the same button again saves it.  The
// same with JavaScript off.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { clickPost, formatHtmlErrors, formatViolations, launchBrowser, mkuser,
    runAxe, signIn, sql, startSite, validateHtml } from './lib.mjs';

const LEAD = 'Tre nya förskolor byggs i år.';
const BODY = `Kommunen bygger **tre** nya förskolor <i>i år</i> & nästa år.

- Ängen
- Öster`;

// The sqlite3 tool holding the write lock on db until release() (or 60 s).
// Resolves once it holds it.
function holdLock(db)
{
	const p = spawn('sqlite3', [db], { stdio: ['pipe', 'pipe', 'pipe'] });
	const timer = setTimeout(() => p.stdin.end('COMMIT;\n'), 60000);
	let out = '';
	const held = new Promise((resolve, reject) => {
		p.stdout.on('data', (d) => {
			out += d;
			if (out.includes('locked'))
				resolve();
		});
		p.on('exit', (code) => reject(new Error(`sqlite3 exited (${code})`)));
	});
	p.stdin.write('.timeout 5000\nBEGIN IMMEDIATE;\n.print locked\n');
	return held.then(() => ({
		release: () => new Promise((resolve) => {
			clearTimeout(timer);
			p.removeAllListeners('exit');
			p.on('exit', resolve);
			p.stdin.end('COMMIT;\n');
		}),
	}));
}

describe('a save while the database is busy', () => {
	let site, browser;

	before(async () => {
		site = await startSite();
		mkuser(site.db, 'rita', 'redaktor');
		browser = await launchBrowser();
	});

	after(async () => {
		await browser?.close();
		await site?.stop();
	});

	for (const js of [true, false]) {
		it(`keeps the text and saves on the next try (JavaScript ${js ? 'on' : 'off'})`, async () => {
			const context = await browser.newContext({ bypassCSP: true,
			    javaScriptEnabled: js });
			const page = await context.newPage();
			const title = `Nya förskolor ${js ? 'med' : 'utan'} JavaScript`;
			await signIn(page, site.base, 'rita');
			await page.goto(`${site.base}/admin/artiklar/ny`);
			await page.fill('#title', title);
			await page.fill('#lead', LEAD);
			await page.fill('#body', BODY);
			const n0 = sql(site.db, 'SELECT count(*) FROM article')[0];

			const lock = await holdLock(site.db);
			let resp;
			try {
				resp = await clickPost(page, 'Spara utkast');
			} finally {
				await lock.release();
			}
			assert.equal(resp.status(), 503);
			assert.match(resp.headers()['retry-after'] ?? '', /^\d+$/);
			const alert = page.getByRole('alert');
			assert.match(await alert.textContent(),
			    /Databasen är upptagen just nu[\s\S]*Ingenting har ändrats/);
			if (js)
				assert.equal(await page.evaluate(() =>
				    document.activeElement?.getAttribute('role')), 'alert',
				    'the message has focus');
			assert.equal(await page.inputValue('#title'), title);
			assert.equal(await page.inputValue('#lead'), LEAD);
			assert.equal(await page.inputValue('#body'), BODY);
			assert.equal(sql(site.db, 'SELECT count(*) FROM article')[0], n0,
			    'nothing saved');
			if (js) {
				const v = await runAxe(page);
				assert.deepEqual(v, [], formatViolations(v));
				const res = await validateHtml([{ name: '503 form',
				    html: await resp.text() }]);
				const errs = res.get('503 form');
				assert.deepEqual(errs, [], formatHtmlErrors(errs));
			}

			resp = await clickPost(page, 'Spara utkast');
			assert.equal(resp.status(), 303);
			assert.match(await page.locator('.callout.ok').textContent(),
			    /Artikeln är sparad som utkast/);
			assert.deepEqual(sql(site.db, 'SELECT hex(body_md) FROM ' +
			    `article WHERE title = '${title}'`),
			    [Buffer.from(BODY.replace(/\n/g, '\r\n')).toString('hex')
			    .toUpperCase()], // a browser sends CRLF
			    'the text is saved');
			await context.close();
		});
	}
});

// Runs Lighthouse on Smarketing pages as a signed-in person, the way Lighthouse's docs describe for pages behind a
// sign-in: one Chromium, signed in through the real form, then Lighthouse on the same browser with its storage kept
// (a Blazor circuit is a WebSocket, which extra request headers would not reach).
//
//   node scripts/lighthouse-signed-in.mjs <base-url> <out-dir> <email> <path> [<email> <path>...]
//
// Prints one tab-separated line per page and form factor: email, path, form, performance, accessibility,
// best practices, kilobytes transferred. Started by scripts/lighthouse.sh, which installs lighthouse 13.5.0.
import fs from 'node:fs';
import path from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import puppeteer from 'puppeteer-core';

const [base, outDir, ...pairs] = process.argv.slice(2);
const pages = [];
for (let i = 0; i < pairs.length; i += 2) pages.push({ email: pairs[i], path: pairs[i + 1] });

for (const { email, path: pagePath } of pages) {
  for (const form of ['desktop', 'mobile']) {
    const browser = await puppeteer.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      // The app runs on a throwaway self-signed certificate (scripts/lighthouse.sh).
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--ignore-certificate-errors'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`${base}/Account/Login`, { waitUntil: 'networkidle0' });
      await page.type('#email', email);
      await page.type('#password', 'Demo123!');
      await Promise.all([page.waitForNavigation({ waitUntil: 'networkidle0' }), page.click('button[type=submit]')]);
      if (page.url().includes('/Account/Login')) throw new Error(`signing in as ${email} failed`);
      // Keep the sign-in cookie, forget the cached files: the page is measured as on a first visit.
      const cdp = await page.createCDPSession();
      await cdp.send('Network.clearBrowserCache');

      const port = Number(new URL(browser.wsEndpoint()).port);
      const flags = { port, output: 'json', logLevel: 'error', disableStorageReset: true, onlyCategories: ['performance', 'accessibility', 'best-practices'] };
      const result = await lighthouse(`${base}${pagePath}`, flags, form === 'desktop' ? desktopConfig : undefined, page);
      const lhr = result.lhr;
      const name = `${email}${pagePath}-${form}`.replace(/[^a-zA-Z0-9-]+/g, '_');
      fs.writeFileSync(path.join(outDir, `${name}.json`), result.report);
      const landed = new URL(lhr.finalDisplayedUrl).pathname;
      if (landed !== pagePath) throw new Error(`${email} asked for ${pagePath} but Lighthouse measured ${landed}`);
      console.log([email, pagePath, form,
        lhr.categories.performance.score, lhr.categories.accessibility.score, lhr.categories['best-practices'].score,
        Math.floor(lhr.audits['total-byte-weight'].numericValue / 1024)].join('\t'));
    } finally {
      await browser.close();
    }
  }
}

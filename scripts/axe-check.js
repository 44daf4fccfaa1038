// Accessibility check of published pages (not part of cargo test): axe-core in headless
// Chromium through puppeteer-core. See README "Published reports". Usage:
//   NODE_PATH=/tmp/axe/node_modules node scripts/axe-check.js /abs/path/report.html ...
const puppeteer = require('puppeteer-core');
const fs = require('fs');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
(async () => {
  const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless=new'] });
  let total = 0;
  for (const file of process.argv.slice(2)) {
    for (const width of [1200, 375]) {
      const page = await browser.newPage();
      await page.setViewport({ width, height: 900 });
      await page.goto('file://' + file, { waitUntil: 'load' });
      await page.evaluate(axeSource);
      const r = await page.evaluate(() => axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } }));
      console.log(`${file} @${width}px: ${r.violations.length} violations, ${r.passes.length} rules passed, ${r.incomplete.length} to review`);
      for (const v of r.violations) {
        total++;
        console.log(`  ${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} nodes`);
        for (const n of v.nodes.slice(0, 3)) console.log('    ' + n.target.join(' ') + ' :: ' + n.failureSummary.replace(/\n/g, ' | '));
      }
      for (const v of r.incomplete) { console.log(`  review: ${v.id}: ${v.help} — ${v.nodes.length} nodes`); const seen = {}; for (const n of v.nodes) { const k = (n.any[0]||{}).message; if (!seen[k]) { seen[k] = 1; console.log("    " + n.target.join(" ") + " :: " + k); } } }
      await page.close();
    }
  }
  await browser.close();
  process.exit(total ? 1 : 0);
})();

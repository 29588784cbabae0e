// Load times of the web build in headless Chromium (tools/web-bench runs it):
//   node tests/browser/bench.mjs --url http://127.0.0.1:PORT/ [--runs 5]
// For each run, a fresh browser context (empty cache) loads the page:
//   title     navigation start → the title screen's text in #status (wasm + fonts loaded,
//             main() running, the pack's pack.json parsed)
//   question  navigation start → first question's picture downloaded and drawn (Enter is
//             pressed as soon as the title shows; "drawn" = its download finished + 2 frames)
// then the same page is loaded again in that context (wasm and data in the HTTP cache).
// Then the start-up breakdown: the median time of each milestone from navigation start,
// from the page's and the game's performance marks (rc:...) and the resource timings.
import { chromium } from 'playwright-core';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : fallback;
};
const url = option('--url', 'http://127.0.0.1:8000/');
const runs = Number(option('--runs', '5'));
const args = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function measure(page, navigate) {
  await navigate();
  await page.waitForFunction(() => /^Real or generated\?\. Play\.$/.test(
      document.getElementById('status').textContent), null, { timeout: 60000, polling: 10 });
  const title = await page.evaluate(() => performance.now());
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /^Question 1 /.test(document.getElementById('status').textContent),
      null, { timeout: 60000, polling: 10 });
  const question = await page.evaluate(() => new Promise((resolve) => {
    const done = () => {
      const media = performance.getEntriesByType('resource').filter((e) => e.name.includes('/media/'));
      return media.length ? Math.max(...media.map((e) => e.responseEnd)) : 0;
    };
    const poll = () => {
      if (!done()) { setTimeout(poll, 5); return; }
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now())));
    };
    poll();
  }));
  const steps = await page.evaluate(milestones);
  steps['title screen shown (as above)'] = title;
  return { title, question, steps };
}

// Runs in the page: each start-up milestone's time from navigation start (null if missing).
function milestones() {
  const marks = performance.getEntriesByType('mark');
  const first = (name, after = 0) => {
    const m = marks.find((e) => e.name === name && e.startTime >= after);
    return m ? m.startTime : null;
  };
  const resources = performance.getEntriesByType('resource');
  const resource = (part) => resources.find((e) => e.name.includes(part));
  const end = (part) => (resource(part) ? resource(part).responseEnd : null);
  const start = (part) => (resource(part) ? resource(part).startTime : null);
  const decoded = first('rc:picture decoded');
  const frames = marks.filter((e) => e.name === 'rc:frame drawn').map((e) => e.startTime);
  const title = first('rc:first screen text');
  return {
    'realcheck.js downloaded': end('realcheck.js'),
    'wasm downloaded': first('rc:wasm fetched'),
    'wasm compiled': first('rc:wasm compiled'),
    'wasm instantiated': first('rc:wasm instantiated'),
    'realcheck.data (fonts) downloaded': end('realcheck.data'),
    'main() called': first('rc:main()'),
    'pack.json requested': start('pack.json'),
    'pack.json downloaded': end('pack.json'),
    'first screen text (loading or title)': title,
    'first picture requested': first('rc:picture requested'),
    'first picture downloaded': end('/media/'),
    'first picture decoded': decoded,
    'first picture drawn (frame end)': decoded === null ? null : first('rc:frame drawn', decoded),
    'frames drawn before the first text': frames.filter((t) => title !== null && t <= title).length,
    'frames drawn before the picture': frames.filter((t) => decoded === null || t <= decoded).length,
  };
}

function printSteps(label, results) {
  console.log(`start-up breakdown (${label}), median ms from navigation start`);
  for (const name of Object.keys(results[0].steps)) {
    const xs = results.map((r) => r.steps[name]).filter((x) => x !== null);
    const value = xs.length ? median(xs).toFixed(0) : '-';
    console.log(`  ${name.padEnd(40)} ${value.padStart(6)}`);
  }
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const cold = [];
const warm = [];
for (let i = 0; i < runs; ++i) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  const page = await context.newPage();
  cold.push(await measure(page, () => page.goto(url)));
  warm.push(await measure(page, () => page.reload()));
  await context.close();
}
await browser.close();

const row = (label, xs) => console.log(
    `${label.padEnd(42)} median ${median(xs).toFixed(0).padStart(5)} ms   (${xs.map((x) => x.toFixed(0)).join(', ')})`);
console.log(`page load in headless Chromium, ${url}, ${runs} runs (fresh context each)`);
row('load → title screen (cold cache)', cold.map((r) => r.title));
row('load → first question picture (cold cache)', cold.map((r) => r.question));
row('load → title screen (cached)', warm.map((r) => r.title));
row('load → first question picture (cached)', warm.map((r) => r.question));
printSteps('cold cache', cold);
printSteps('cached', warm);

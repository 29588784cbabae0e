// What a clip costs the page in headless Chromium (tools/web-bench runs it after bench.mjs):
//   node tests/browser/bench-clips.mjs --url http://127.0.0.1:PORT/ [--runs 5]
// For each run, a fresh browser context opens the clips test pack (tests/browser/make-packs:
// three 4 s 640×360 clips at 24 frames a second), starts a game and, on the first question,
// reads the page's main-thread time (CDP Performance.getMetrics: TaskDuration, every task
// of the page's renderer main thread: the game's frames, the frame copies, events) over
// SECONDS while the clip plays, then again once Space has paused it (the video decoder's
// threads and the GPU process, SwiftShader here, are not in it). Printed: the median over
// the runs, in % of one core, with each run's figure and the clip's codec, then the CPU time
// of the renderer and GPU processes over the same seconds. Without a GPU, the main thread
// mostly waits on the GPU process (each drawn WebGL frame is read back), so the task time
// nears 100% while playing although the renderer's CPU time is far lower; on a busy machine
// the task time (wall clock) grows too.
import { chromium } from 'playwright-core';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : fallback;
};
const url = option('--url', 'http://127.0.0.1:8000/');
const runs = Number(option('--runs', '5'));
const SECONDS = 3;
const SETTLE_MS = 1000;  // after the clip starts or pauses, before measuring
const args = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const waitStatus = (page, pattern) => page.waitForFunction(
    (source) => new RegExp(source).test(document.getElementById('status').textContent),
    pattern.source, { timeout: 60000, polling: 50 });

// Over SECONDS, in % of one core: the page's main-thread time (busy), and the CPU time
// of Chromium's renderer processes and of its GPU process (cpu), which a busy machine
// does not inflate as it does the main thread's wall-clock task time.
async function pageCpu(page, cdp, browserCdp) {
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
    const get = (name) => metrics.find((m) => m.name === name).value;
    const cpu = (type) => processInfo.filter((p) => p.type === type).reduce((sum, p) => sum + p.cpuTime, 0);
    return { busy: get('TaskDuration'), at: get('Timestamp'), renderer: cpu('renderer'), gpu: cpu('GPU') };
  };
  const start = await read();
  await page.waitForTimeout(SECONDS * 1000);
  const end = await read();
  const percent = (key) => ((end[key] - start[key]) / (end.at - start.at)) * 100;
  return { busy: percent('busy'), renderer: percent('renderer'), gpu: percent('gpu') };
}

async function clipRun(browser, browserCdp) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
  await page.goto(url + '?pack=test-packs/clips/');
  await waitStatus(page, /^Real or generated\?\. Play\.$/);
  await page.keyboard.press('Enter');
  await waitStatus(page, /^Question 1 \/ .*Video, playing\.$/);
  await page.waitForTimeout(SETTLE_MS);
  const playing = await pageCpu(page, cdp, browserCdp);
  await page.keyboard.press('Space');
  await waitStatus(page, /^Question 1 \/ .*Video, paused\.$/);
  await page.waitForTimeout(SETTLE_MS);
  const paused = await pageCpu(page, cdp, browserCdp);
  // The clip's codec, from its explanation on the answer screen.
  await page.keyboard.press('ArrowRight');
  await waitStatus(page, /ffmpeg \(\w+\.\w+\)/);
  const codec = (await page.textContent('#status')).match(/ffmpeg \((\w+)\./)[1];
  await context.close();
  return { playing, paused, codec };
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
const browserCdp = await browser.newBrowserCDPSession();
const results = [];
for (let i = 0; i < runs; ++i) results.push(await clipRun(browser, browserCdp));
await browser.close();

const percent = (x) => `${x.toFixed(0)}%`;
const line = (label, key) => {
  const of = (field) => median(results.map((r) => r[key][field]));
  console.log(`${label}: page CPU ${percent(of('busy'))} of one core` +
      `   (${results.map((r) => `${r[key].busy.toFixed(0)} ${r.codec}`).join(', ')};` +
      ` CPU time: renderer ${percent(of('renderer'))}, GPU process ${percent(of('gpu'))})`);
};
console.log(`clips in headless Chromium, ${url}?pack=test-packs/clips/, ${runs} runs of ${SECONDS} s ` +
    '(page CPU: main-thread task time, CDP TaskDuration; median, then each run with its clip)');
line('clip playing', 'playing');
line('clip paused', 'paused');

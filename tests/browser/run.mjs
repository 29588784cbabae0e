// Browser tests of the WebAssembly build, in headless Chromium (Debian's) driven by
// playwright-core. tools/web-test builds dist/, serves it and runs:
//   node tests/browser/run.mjs --url http://127.0.0.1:PORT/ --screenshots DIR [--only NAME]
// The game draws in a canvas; what it shows is read from the page's #status live region,
// which the web runner fills with the screen's text (the same text screen readers get).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : fallback;
};
const baseUrl = option('--url', 'http://127.0.0.1:8000/');
const shotDir = option('--screenshots', 'build/web/screenshots');
const only = option('--only', '');
fs.mkdirSync(shotDir, { recursive: true });

export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
];

const ROUND = 20;
const STARTUP_MS = 60_000;
const STEP_MS = 20_000;

// --- helpers ------------------------------------------------------------------------

const status = (page) => page.textContent('#status');

async function waitStatus(page, test, what, timeout = STEP_MS) {
  const source = test instanceof RegExp ? test.source : test;
  const flags = test instanceof RegExp ? test.flags : '';
  try {
    await page.waitForFunction(
      ([s, f]) => new RegExp(s, f).test(document.getElementById('status').textContent),
      [source, flags], { timeout, polling: 50 });
  } catch (e) {
    throw new Error(`waiting for ${what}: #status is "${await status(page)}"`);
  }
  return status(page);
}

async function open(context, query = '') {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/favicon|GL Driver/.test(m.text())) errors.push(m.text()); });
  page.errors = errors;
  await page.goto(baseUrl + query);
  return page;
}

async function shot(page, name) {
  // A frame after the last input so the canvas shows the settled state.
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(shotDir, name + '.png') });
}

// The title screen once its pack is in (before, the status adds "Loading the pack…").
const TITLE_EN = /^Real or generated\?\. Play\.$/;
const TITLE_FR = /^Vrai ou généré\s?\?\. Jouer\.$/;
const isQuestion = (n) => new RegExp(`^Question ${n} / ${ROUND}\\.`);
// Verdicts and truths read from the game's string tables, so every kind of item (photo,
// video; real, generated, edited) and both languages are recognised.
const STRINGS = Object.fromEntries(['en', 'fr'].map((lang) => [lang, JSON.parse(
  fs.readFileSync(new URL(`../../content/strings/${lang}.json`, import.meta.url), 'utf8'))]));
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const anyOf = (keys, langs) =>
  keys.flatMap((key) => langs.map((lang) => escapeRegExp(STRINGS[lang][key]))).join('|');
const TRUTHS = ['truth.real', 'truth.generated', 'truth.edited',
  'truth.video.real', 'truth.video.generated', 'truth.video.edited'];
const verdictAndTruth = (langs) =>
  new RegExp(`^(${anyOf(['feedback.right', 'feedback.wrong'], langs)}) (${anyOf(TRUTHS, langs)}) `);
const RIGHT = new RegExp(`^(${anyOf(['feedback.right'], ['en', 'fr'])})`);
const VERDICT_TRUTH = verdictAndTruth(['en', 'fr']);
const FEEDBACK_EN = verdictAndTruth(['en']);
const FEEDBACK_FR = verdictAndTruth(['fr']);
// The truth of an item from its English feedback: 'real', 'generated' or 'edited'.
const truthOf = (text) => {
  const truth = text.match(FEEDBACK_EN)?.[2];
  return ['real', 'generated', 'edited'].find((answer) =>
    [STRINGS.en[`truth.${answer}`], STRINGS.en[`truth.video.${answer}`]].includes(truth));
};

// Plays a whole round from "Question 1". `answer(i)` performs the i-th answer, `next(i)`
// goes on; returns the feedback statuses.
async function playRound(page, { answer, next, onFeedback, feedbackPattern = /^(?!Question )/ }) {
  const feedback = [];
  for (let i = 1; i <= ROUND; ++i) {
    await waitStatus(page, isQuestion(i), `question ${i}`);
    await answer(i);
    const text = await waitStatus(page, feedbackPattern, `feedback ${i}`);
    feedback.push(text);
    if (onFeedback) await onFeedback(i, text);
    await next(i);
  }
  return feedback;
}

// A round played with the keyboard: `key(i)` names the arrow answering question i, Enter
// goes on.
function keyboardRound(page, key, options = {}) {
  return playRound(page, {
    answer: (i) => page.keyboard.press(key(i)),
    next: () => page.keyboard.press('Enter'),
    ...options,
  });
}

// The explanation: what follows the verdict and the truth (unique per item).
const explanationOf = (text) => {
  assert.match(text, VERDICT_TRUTH);
  return text.replace(VERDICT_TRUTH, '');
};

async function checkEnd(page, feedback) {
  const end = await waitStatus(page, new RegExp(`^\\d+ / ${ROUND}\\.`), 'the end screen');
  const right = feedback.filter((t) => RIGHT.test(t)).length;
  assert.equal(Number(end.split(' ')[0]), right, `end score vs feedback: ${end}`);
  return end;
}

// --- tests --------------------------------------------------------------------------

const tests = [];
const test = (name, fn) => tests.push({ name, fn });

test('laptop-keyboard-en', async (browser) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  const page = await open(context);
  const title = await waitStatus(page, TITLE_EN, 'the title screen', STARTUP_MS);
  assert.match(title, /Play/);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await shot(page, 'laptop-title');
  await page.keyboard.press('Enter');
  const q1 = await waitStatus(page, isQuestion(1), 'question 1');
  assert.match(q1, /Buttons: Real, Generated\./);
  await page.waitForTimeout(800);  // the picture
  await shot(page, 'laptop-question');
  const feedback = await keyboardRound(page, (i) => (i % 3 === 0 ? 'ArrowRight' : 'ArrowLeft'), {
    feedbackPattern: FEEDBACK_EN,
    onFeedback: async (i) => { if (i === 1) await shot(page, 'laptop-answer'); },
  });
  const end = await checkEnd(page, feedback);
  await shot(page, 'laptop-end');
  assert.deepEqual(page.errors, []);
  console.log(`    score ${end.split('.')[0]}`);
  await context.close();
});

test('laptop-keyboard-fr', async (browser) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'fr-FR' });
  const page = await open(context);
  await waitStatus(page, TITLE_FR, 'the French title screen', STARTUP_MS);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await page.keyboard.press('Enter');
  const q1 = await waitStatus(page, isQuestion(1), 'question 1');
  assert.match(q1, /Réel, Généré/);
  await page.keyboard.press('ArrowRight');
  await waitStatus(page, FEEDBACK_FR, 'French feedback');
  await shot(page, 'laptop-answer-fr');
  assert.deepEqual(page.errors, []);
  await context.close();
});

// Button positions on a 390×844 portrait screen (CSS pixels), from the screenshots:
// the answer buttons side by side at the bottom, Next across the bottom.
const PHONE = { width: 390, height: 844 };
const tapAt = (page, fx, fy) => page.touchscreen.tap(PHONE.width * fx, PHONE.height * fy);

test('phone-touch', async (browser) => {
  const context = await browser.newContext({
    viewport: PHONE, deviceScaleFactor: 3, hasTouch: true, isMobile: true, locale: 'en-US',
  });
  const page = await open(context);
  await waitStatus(page, TITLE_EN, 'the title screen', STARTUP_MS);
  const canvas = await page.evaluate(() => [canvas.width, canvas.height]);
  assert.deepEqual(canvas, [PHONE.width * 3, PHONE.height * 3], 'canvas at CSS size × DPR');
  await shot(page, 'phone-title');
  const play = await playButton(page);
  await page.touchscreen.tap(play.x, play.y);
  await waitStatus(page, isQuestion(1), 'question 1 after tapping Play');
  await page.waitForTimeout(800);
  await shot(page, 'phone-question');
  const feedback = await playRound(page, {
    answer: (i) => tapAt(page, i % 2 ? 0.26 : 0.74, 0.942),  // Real / Generated
    next: () => tapAt(page, 0.5, 0.952),
    feedbackPattern: FEEDBACK_EN,
    onFeedback: async (i, text) => {
      // Odd questions were answered Real by a tap on the left button, even ones Generated.
      // The demo pack asks two answers: an edited item is rightly called generated.
      const given = i % 2 ? 'real' : 'generated';
      const truth = truthOf(text) === 'edited' ? 'generated' : truthOf(text);
      assert.equal(RIGHT.test(text), truth === given, `tap answer ${i}: ${text}`);
      if (i === 1) await shot(page, 'phone-answer');
    },
  });
  await checkEnd(page, feedback);
  await shot(page, 'phone-end');
  assert.deepEqual(page.errors, []);
  await context.close();
});

// Solo Sure / Not sure by touch: the two toggles stand side by side above the prompt on a
// phone. Items are said Sure, Not sure or nothing in turn, all answered Real; the answer
// screen repeats what was said, the end screen counts right and wrong for each.
const CONFIDENCE = {
  sure: { chosen: 'solo.chosen_sure', said: 'solo.were_sure', row: 'solo.row_sure', at: 0.25 },
  unsure: { chosen: 'solo.chosen_unsure', said: 'solo.were_unsure', row: 'solo.row_unsure', at: 0.75 },
  unsaid: { row: 'solo.row_unsaid' },
};
const SAID = /You were (not )?sure/;

async function tapConfidence(page, kind, i) {
  // The Real button (the Play green) in the bottom fifth; the toggles, not chosen yet, in
  // the rows just above the prompt over it.
  const real = await colourBox(page, BUTTON_COLOUR.play, 'the Real button', [PHONE.height * 0.8, PHONE.height]);
  const toggles = await colourBox(page, BUTTON_COLOUR.language, 'the Sure and Not sure buttons',
    [real.top - 110, real.top - 4]);
  await page.touchscreen.tap(toggles.left + (toggles.right - toggles.left) * CONFIDENCE[kind].at, toggles.y);
  const chosen = STRINGS.en[CONFIDENCE[kind].chosen];
  await waitStatus(page, new RegExp(` ${escapeRegExp(chosen)}$`), `"${chosen}" on question ${i}`);
  return real;
}

test('solo-sure-by-touch', async (browser) => {
  const context = await browser.newContext({
    viewport: PHONE, deviceScaleFactor: 3, hasTouch: true, isMobile: true, locale: 'en-US',
  });
  const page = await open(context);
  await waitStatus(page, TITLE_EN, 'the title screen', STARTUP_MS);
  const play = await playButton(page);
  await page.touchscreen.tap(play.x, play.y);
  const said = (i) => ['sure', 'unsure', 'unsaid'][(i - 1) % 3];
  const tally = Object.fromEntries(Object.keys(CONFIDENCE).map((k) => [k, { right: 0, wrong: 0 }]));
  const feedback = await playRound(page, {
    answer: async (i) => {
      if (said(i) === 'unsaid') {
        assert.doesNotMatch(await status(page), /Chosen:/, `question ${i} starts with nothing said`);
        return tapAt(page, 0.26, 0.942);
      }
      const real = await tapConfidence(page, said(i), i);
      if (i === 1) await shot(page, 'phone-sure-chosen');
      await page.touchscreen.tap(real.x, real.y);
    },
    next: () => tapAt(page, 0.5, 0.952),
    feedbackPattern: FEEDBACK_EN,
    onFeedback: async (i, text) => {
      const kind = said(i);
      if (kind === 'unsaid') assert.doesNotMatch(text, SAID, `answer ${i}: nothing was said`);
      else assert.ok(text.includes(` ${STRINGS.en[CONFIDENCE[kind].said]}.`), `answer ${i}: ${text}`);
      ++tally[kind][RIGHT.test(text) ? 'right' : 'wrong'];
      if (i === 1) await shot(page, 'phone-sure-answer');
    },
  });
  const end = await checkEnd(page, feedback);
  await shot(page, 'phone-sure-end');
  assert.ok(end.includes(` ${STRINGS.en['solo.calibration']}.`), `the calibration in "${end}"`);
  for (const [kind, { row }] of Object.entries(CONFIDENCE)) {
    const expected = STRINGS.en['status.calibration_row'].replace('{row}', STRINGS.en[row])
      .replace('{right}', tally[kind].right).replace('{wrong}', tally[kind].wrong);
    assert.ok(end.includes(` ${expected}`), `"${expected}" in "${end}"`);
  }
  console.log(`    ${end.split('. ').slice(-3).join('. ')}`);
  assert.deepEqual(page.errors, []);
  await context.close();
});

// A short workshop on a laptop: the set-up from the title's button, 4 pictures typed into
// the focused field, counts typed for two age bands (Tab between fields, Enter reveals,
// Enter goes on), the debrief's score, and Export's three downloads.
const WORKSHOP_ITEMS = 4;
const workshopSetup = (n) => new RegExp(`^${escapeRegExp(STRINGS.en['workshop.title'])}\\. ` +
  `${escapeRegExp(STRINGS.en['workshop.items'])}: ${n}\\.$`);
const workshopPicture = (n) => new RegExp(`^Picture ${n} of ${WORKSHOP_ITEMS} `);
const WORKSHOP_VOTE = new RegExp(`${escapeRegExp(STRINGS.en['workshop.vote_prompt'])}$`);
const WORKSHOP_TRUTH = new RegExp(`(${anyOf(TRUTHS, ['en'])})$`);

async function downloadsWhile(page, count, act) {
  const downloads = [];
  const all = new Promise((resolve) => {
    page.on('download', (d) => { downloads.push(d); if (downloads.length === count) resolve(); });
  });
  await act();
  await Promise.race([all, page.waitForTimeout(STEP_MS)]);
  return downloads;
}

test('workshop-short-session', async (browser) => {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 768 }, locale: 'en-US', acceptDownloads: true,
  });
  const page = await open(context);
  await waitStatus(page, TITLE_EN, 'the title screen', STARTUP_MS);
  const open_button = await colourBox(page, BUTTON_COLOUR.workshop, 'the Workshop mode button');
  await page.mouse.click(open_button.x, open_button.y);
  await waitStatus(page, workshopSetup('\\d+'), 'the workshop set-up');
  // The number of pictures has the cursor: clear it, type 4, Enter.
  for (let k = 0; k < 4; ++k) await page.keyboard.press('Backspace');
  await page.keyboard.type(String(WORKSHOP_ITEMS));
  await page.keyboard.press('Enter');
  await waitStatus(page, workshopSetup(WORKSHOP_ITEMS), 'the set-up with 4 pictures');
  await shot(page, 'workshop-setup');
  const start = await colourBox(page, BUTTON_COLOUR.play, 'the Start button', [768 * 0.6, 768]);
  await page.mouse.click(start.x, start.y);
  await page.mouse.move(5, 5);
  for (let i = 1; i <= WORKSHOP_ITEMS; ++i) {
    await waitStatus(page, new RegExp(workshopPicture(i).source + '.*' + WORKSHOP_VOTE.source),
      `the vote on picture ${i}`);
    // The first field (band 1, Real) has the cursor: band 1 Real, Generated, band 2 Real.
    await page.keyboard.type(String(i));
    await page.keyboard.press('Tab');
    await page.keyboard.type('5');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2');
    if (i === 1) await shot(page, 'workshop-vote');
    await page.keyboard.press('Enter');
    await waitStatus(page, new RegExp(workshopPicture(i).source + '.*' + WORKSHOP_TRUTH.source),
      `the reveal of picture ${i}`);
    if (i === 1) await shot(page, 'workshop-reveal');
    await page.keyboard.press('Enter');
  }
  const debrief = await waitStatus(page, new RegExp(`^${escapeRegExp(STRINGS.en['workshop.debrief'])} ` +
    `(\\d+) / ${WORKSHOP_ITEMS}$`), 'the debrief');
  const score = Number(debrief.match(/(\d+) \/ \d+$/)[1]);
  await shot(page, 'workshop-debrief');

  // Export: the green button of the right column.
  const exportButton = await colourBox(page, BUTTON_COLOUR.play, 'the Export button', null, [1366 / 2, 1366]);
  const downloads = await downloadsWhile(page, 3, () => page.mouse.click(exportButton.x, exportButton.y));
  const byType = Object.fromEntries(downloads.map((d) => [path.extname(d.suggestedFilename()), d]));
  assert.deepEqual(Object.keys(byType).sort(), ['.csv', '.json', '.png'],
    `downloads: ${downloads.map((d) => d.suggestedFilename())}`);
  const read = async (d) => fs.readFileSync(await d.path());
  const csv = await read(byType['.csv']);
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the CSV starts with the UTF-8 BOM');
  const header = csv.toString('utf8').slice(1).split(/\r?\n/)[0];
  assert.ok(header.includes(';') && !header.includes(','), `CSV header with ';': ${header}`);
  const json = JSON.parse((await read(byType['.json'])).toString('utf8'));
  assert.equal(json.out_of, WORKSHOP_ITEMS, 'out_of in the JSON');
  assert.equal(json.score, score, 'score in the JSON as on the debrief');
  // Every count typed is in the export: band 1 Real = the picture's number, Generated = 5;
  // band 2 Real = 2 (its Generated left empty).
  const [band1, band2] = json.bands.map((b) => b.name);
  json.items.forEach((item, k) => {
    assert.equal(item.votes[band1]?.real, k + 1, `picture ${k + 1}: ${band1} Real`);
    assert.equal(item.votes[band1]?.generated, 5, `picture ${k + 1}: ${band1} Generated`);
    assert.equal(item.votes[band2]?.real, 2, `picture ${k + 1}: ${band2} Real`);
  });
  const png = await read(byType['.png']);
  assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'a PNG');
  console.log(`    room score ${score} / ${WORKSHOP_ITEMS}; ${downloads.map((d) => d.suggestedFilename()).join(', ')}`);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('reload-keeps-settings-and-deck', async (browser) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  let page = await open(context);
  await waitStatus(page, TITLE_EN, 'the title screen', STARTUP_MS);
  const synced = () => page.evaluate(() => Number(document.body.dataset.synced || 0));
  // Switch to French with the title screen's "Français" button.
  const before = await synced();
  const french = await otherLanguageButton(page);
  await page.mouse.click(french.x, french.y);
  await waitStatus(page, TITLE_FR, 'French after a click on Français');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');  // the page follows the switch
  await page.waitForFunction((n) => Number(document.body.dataset.synced || 0) > n, before);
  // Game 1, remembered in the no-repeat deck.
  await page.keyboard.press('Enter');
  const game1 = await keyboardRound(page, () => 'ArrowLeft');
  await waitStatus(page, new RegExp(`^\\d+ / ${ROUND}\\.`), 'the end of game 1');
  await page.waitForFunction(() => !document.body.dataset.syncing, null, { timeout: 5000 }).catch(() => {});
  await page.waitForTimeout(500);
  await page.close();

  page = await open(context);
  await waitStatus(page, TITLE_FR, 'French kept after a reload', STARTUP_MS);
  await page.keyboard.press('Enter');
  const game2 = await keyboardRound(page, () => 'ArrowRight');
  const set1 = new Set(game1.map(explanationOf));
  const set2 = new Set(game2.map(explanationOf));
  assert.equal(set1.size, ROUND, 'game 1: 20 different explanations');
  assert.equal(set2.size, ROUND, 'game 2: 20 different explanations');
  const repeats = [...set2].filter((e) => set1.has(e)).length;
  // Game 2 draws the pack's unseen items first, then repeats only what it lacks.
  const items = (await (await fetch(new URL('packs/demo/pack.json', baseUrl))).json()).items.length;
  const allowed = Math.max(0, 2 * ROUND - items);
  assert.ok(repeats <= allowed, `game 2 repeats ${repeats} pictures of game 1 (${items} items: at most ${allowed})`);
  console.log(`    ${repeats} repeats in game 2`);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('canvas-follows-resize', async (browser) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  const page = await open(context);
  await waitStatus(page, TITLE_EN, 'the title screen', STARTUP_MS);
  const canvasIs = (w, h) => page.waitForFunction(([w, h]) => {
    const c = document.getElementById('canvas');
    return c.width === w && c.height === h;
  }, [w, h], { timeout: 5000 }).catch(async () => {
    throw new Error(`canvas ${await page.evaluate(() => [canvas.width, canvas.height])}, expected ${w},${h}`);
  });
  await canvasIs(1366, 768);
  await page.setViewportSize({ width: 844, height: 390 });  // a phone turned sideways
  await canvasIs(844, 390);
  await shot(page, 'phone-landscape-title');
  // Play still works after the resize (pointer coordinates follow the new size).
  await page.keyboard.press('Enter');
  await waitStatus(page, isQuestion(1), 'question 1 after a resize');
  await context.close();
});

test('offline-after-load', async (browser) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  const page = await open(context);
  await waitStatus(page, TITLE_EN, 'the title screen', STARTUP_MS);
  // The service worker keeps the site and the whole pack, then the network goes away.
  await page.waitForFunction(() => document.body.dataset.offline === 'ready', null, { timeout: 90000 });
  await context.setOffline(true);
  await page.reload();
  await waitStatus(page, TITLE_EN, 'the title screen, offline', STARTUP_MS);
  await page.keyboard.press('Enter');
  const feedback = await keyboardRound(page, () => 'ArrowRight', { feedbackPattern: FEEDBACK_EN });
  await checkEnd(page, feedback);
  await context.close();
});

test('broken-pack-url', async (browser) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  const page = await open(context, '?pack=/nope/');
  const text = await waitStatus(page, /nope/, 'an error naming the pack', STARTUP_MS);
  assert.match(text, /404/);
  await shot(page, 'broken-pack');
  await context.close();
});

// A second visit on a network that accepts connections and never answers (a captive
// portal): the kept site and pack answer at once, and a whole game plays.
test('dead-network-second-visit', async (browser) => {
  const hangFile = option('--hang-file', '');
  assert.ok(hangFile, '--hang-file is needed');
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  const page = await open(context);
  await waitStatus(page, TITLE_EN, 'the title screen', STARTUP_MS);
  await page.waitForFunction(() => document.body.dataset.offline === 'ready', null, { timeout: 90000 });
  fs.writeFileSync(hangFile, '');
  try {
    const start = Date.now();
    await page.reload({ waitUntil: 'commit' });
    await waitStatus(page, TITLE_EN, 'the title screen on a dead network', 15_000);
    const seconds = (Date.now() - start) / 1000;
    console.log(`    title screen on a dead network after ${seconds.toFixed(2)} s`);
    await page.keyboard.press('Enter');
    const feedback = await keyboardRound(page, () => 'ArrowLeft', { feedbackPattern: FEEDBACK_EN });
    await checkEnd(page, feedback);
  } finally {
    fs.rmSync(hangFile, { force: true });
  }
  await context.close();
});

// Zip packs (tools/web-test puts them in dist/test-packs/): the demo pack as one .zip
// opened by ?pack=, and a 4-item zip chosen with the file input behind "Open a file".
test('zip-pack-by-url', async (browser) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  const page = await open(context, '?pack=test-packs/demo.zip');
  await waitStatus(page, TITLE_EN, 'the title screen of the zipped demo pack', STARTUP_MS);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(800);
  await waitStatus(page, isQuestion(1), 'question 1 from the zip');
  await shot(page, 'zip-question');
  const feedback = await keyboardRound(page, (i) => (i % 2 ? 'ArrowLeft' : 'ArrowRight'), {
    feedbackPattern: FEEDBACK_EN,
  });
  await checkEnd(page, feedback);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('zip-pack-by-file-input', async (browser) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  const page = await open(context);
  await waitStatus(page, TITLE_EN, 'the title screen', STARTUP_MS);
  await page.setInputFiles('#pack-file', option('--picked-zip', 'build/web/dist/test-packs/picked.zip'));
  // The picked pack has 4 items: once it is open, a round is out of 4.
  await page.waitForTimeout(1000);
  await page.keyboard.press('Enter');
  for (let i = 1; i <= 4; ++i) {
    await waitStatus(page, new RegExp(`^Question ${i} / 4\\.`), `question ${i} of the picked pack`);
    await page.keyboard.press('ArrowLeft');
    await waitStatus(page, FEEDBACK_EN, `feedback ${i}`);
    await page.keyboard.press('Enter');
  }
  await waitStatus(page, /^\d+ \/ 4\./, 'the end screen of the picked pack');
  await shot(page, 'zip-picked-end');
  assert.deepEqual(page.errors, []);
  await context.close();
});

// --- clips --------------------------------------------------------------------------
// The clips test pack (tests/browser/make-packs): three 4 s test patterns (VP9 WebM, H.264
// MP4, VP8 WebM) whose every frame differs (a scrolling colour band), each with a tell
// from 1 s to 2 s. Whether a clip moves is read from screenshots of the clip's picture
// only (not the time label, the scrub bar or a button's hover), compared pixel by pixel.

// The clip's picture on a 1366×768 screen (CSS pixels), from the screenshots, a few pixels
// inside its edges: a 16:9 clip fills the height above its controls on the question
// screen, and the width left of the explanation on the answer screen.
const CLIP_VIEW = { width: 1366, height: 768 };
const CLIP_PICTURE = {
  question: { x: 275, y: 82, width: 816, height: 452 },
  answer: { x: 22, y: 154, width: 788, height: 436 },
};
// The play / pause button under the clip, left of the frame steps, on each screen.
const CLIP_PLAY_BUTTON = { question: { x: 41, y: 570 }, answer: { x: 41, y: 626 } };
const CLIP_ROUND = 3;
const CLIP_FEEDBACK = /^(Right!|Not this time!) (This is a real video, filmed with a camera\.|This video is generated\.) .*ffmpeg \((\w+)\.(webm|mp4)\)\. Video, (playing|paused)\.$/;
const PLAYING = /Video, playing\.$/;
const PAUSED = /Video, paused\.$/;

// A screenshot PNG (8-bit RGB or RGBA, not interlaced) → { width, height, data: RGBA }.
function decodePng(png) {
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat = [];
  while (pos < png.length) {
    const length = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const body = png.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      assert.equal(body[8], 8, 'PNG bit depth');
      assert.equal(body[12], 0, 'PNG interlace');
      channels = { 2: 3, 6: 4 }[body[9]];
      assert.ok(channels, `PNG colour type ${body[9]}`);
    } else if (type === 'IDAT') {
      idat.push(body);
    }
    pos += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; ++y) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = rows.subarray(y * stride, (y + 1) * stride);
    const up = y ? rows.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let i = 0; i < stride; ++i) {
      const a = i >= channels ? out[i - channels] : 0;
      const b = up[i];
      const c = i >= channels ? up[i - channels] : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[i] = (line[i] + predictor) & 0xff;
    }
  }
  const data = Buffer.alloc(width * height * 4, 0xff);
  for (let i = 0; i < width * height; ++i) rows.copy(data, i * 4, i * channels, i * channels + 3);
  return { width, height, data, png };
}

// Buttons found on the screen by their colour, so the clicks follow the layout (a long
// pack description moves the title screen's buttons down). Colours as in the game's theme.
const BUTTON_COLOUR = {
  play: [41, 115, 92],         // the big green Play
  language: [41, 48, 66],      // a language not chosen
  languageChosen: [84, 128, 204],
  workshop: [128, 69, 140],    // the purple Workshop mode button, as Generated
};

// The box and centre (CSS pixels) of the pixels of `rgb` on the page now, optionally only
// in the rows [top, bottom] and the columns [left, right] (CSS pixels).
async function colourBox(page, rgb, what, rows = null, columns = null) {
  const shot = decodePng(await page.screenshot());
  const scale = shot.width / page.viewportSize().width;
  const [top, bottom] = rows ? [rows[0] * scale, rows[1] * scale] : [0, shot.height - 1];
  const [first, last] = columns ? [columns[0] * scale, columns[1] * scale] : [0, shot.width - 1];
  const box = { left: Infinity, right: -1, top: Infinity, bottom: -1, count: 0, x: 0, y: 0 };
  for (let y = Math.max(0, Math.floor(top)); y <= Math.min(shot.height - 1, bottom); ++y) {
    for (let x = Math.max(0, Math.floor(first)); x <= Math.min(shot.width - 1, last); ++x) {
      const i = (y * shot.width + x) * 4;
      if (Math.abs(shot.data[i] - rgb[0]) + Math.abs(shot.data[i + 1] - rgb[1]) +
          Math.abs(shot.data[i + 2] - rgb[2]) > 6) continue;
      box.left = Math.min(box.left, x);
      box.right = Math.max(box.right, x);
      box.top = Math.min(box.top, y);
      box.bottom = Math.max(box.bottom, y);
      box.x += x;
      box.y += y;
      ++box.count;
    }
  }
  assert.ok(box.count >= 100 * scale * scale, `${what}: not on the screen (colour ${rgb})`);
  return {
    left: box.left / scale, right: box.right / scale, top: box.top / scale, bottom: box.bottom / scale,
    x: box.x / box.count / scale, y: box.y / box.count / scale,
  };
}

// The title screen's Play button, and the button of the language not chosen (beside the
// chosen one).
const playButton = (page) => colourBox(page, BUTTON_COLOUR.play, 'the Play button');
async function otherLanguageButton(page) {
  const chosen = await colourBox(page, BUTTON_COLOUR.languageChosen, 'the chosen language');
  return colourBox(page, BUTTON_COLOUR.language, 'the other language', [chosen.top, chosen.bottom]);
}

// How many pixels of two shots of the same region differ.
function pixelsDiffering(a, b) {
  assert.equal(a.width, b.width);
  assert.equal(a.height, b.height);
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) ++n;
  }
  return n;
}
const samePicture = (a, b) => pixelsDiffering(a, b) === 0;

// The clip's picture as it is now.
async function clipShot(page, screen) {
  return decodePng(await page.screenshot({ clip: CLIP_PICTURE[screen] }));
}

// Shots of the picture until `accept(shot)` holds; returns that shot, or throws with
// `describe(last shot)` after `timeout` ms.
async function waitClipShot(page, screen, accept, what, describe, timeout = STEP_MS) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const shot = await clipShot(page, screen);
    if (accept(shot)) return shot;
    if (Date.now() > deadline) throw new Error(`waiting for ${what}: ${describe(shot)}; #status is "${await status(page)}"`);
    await page.waitForTimeout(100);
  }
}

// The clip moves: a shot, and another about 0.5 s later that differs (retried while a busy
// machine shows no new frame yet).
async function expectMoving(page, screen, what) {
  const deadline = Date.now() + STEP_MS;
  for (;;) {
    const first = await clipShot(page, screen);
    await page.waitForTimeout(500);
    const second = await clipShot(page, screen);
    if (!samePicture(first, second)) return second;
    if (Date.now() > deadline) throw new Error(`${what}: the clip's picture did not change in ${STEP_MS / 1000} s`);
  }
}

// The clip stands still: once two shots 250 ms apart are the same (a frame decoded at the
// moment of the pause may still arrive), a shot 0.5 s later is that picture again.
async function expectStill(page, screen, what) {
  let previous = await clipShot(page, screen);
  const still = await waitClipShot(page, screen, (shot) => {
    const same = samePicture(shot, previous);
    previous = shot;
    return same;
  }, `${what}: a still picture`, () => 'the picture kept changing', STEP_MS);
  await page.waitForTimeout(500);
  const later = await clipShot(page, screen);
  const moved = pixelsDiffering(still, later);
  assert.equal(moved, 0, `${what}: ${moved} pixels changed in 0.5 s while paused`);
  return still;
}

// A click on the play / pause button, then the mouse goes away from the controls (their
// tooltips) once the game has taken the click: ImGui 1.86 reads the pointer's position
// once a frame, so a click and a move in the same frame would press where it moved to.
async function clickPlayButton(page, screen, expect, what) {
  const at = CLIP_PLAY_BUTTON[screen];
  await page.mouse.click(at.x, at.y);
  await waitStatus(page, expect, what);
  await page.mouse.move(CLIP_VIEW.width - 20, CLIP_VIEW.height / 2);
}

// One clip game on the clips pack at `query`: the first clip plays, pauses (Space), steps a
// frame forward and back (the keys in the places of . and ,), plays again and pauses with
// the on-screen button; on the answer screen Space plays and pauses and only Enter goes on;
// the two other clips play too. `answer` answers a question.
async function clipGame(browser, { query, name, answer }) {
  const context = await browser.newContext({ viewport: CLIP_VIEW, locale: 'en-US' });
  const page = await open(context, query);
  await waitStatus(page, TITLE_EN, 'the title screen of the clips pack', STARTUP_MS);
  await page.keyboard.press('Enter');
  await waitStatus(page, new RegExp(`^Question 1 / ${CLIP_ROUND}\\. A real video, or a generated one\\? .*${PLAYING.source}`),
    'question 1, a clip playing');
  await expectMoving(page, 'question', 'question 1, playing');
  await shot(page, `${name}-question`);

  // Space pauses.
  await page.keyboard.press('Space');
  await waitStatus(page, PAUSED, 'paused by Space');
  const before = await expectStill(page, 'question', 'paused by Space');
  fs.writeFileSync(path.join(shotDir, `${name}-paused-picture.png`), before.png);

  // "." steps a frame forward: another picture, and the clip stays paused.
  await page.keyboard.press('Period');
  await waitClipShot(page, 'question', (s) => !samePicture(s, before), 'the frame after "."',
    () => 'the picture did not change');
  const stepped = await expectStill(page, 'question', 'after "."');
  assert.ok(!samePicture(stepped, before), 'the frame after "." is another picture');
  assert.match(await status(page), PAUSED, 'still paused after "."');
  fs.writeFileSync(path.join(shotDir, `${name}-stepped-picture.png`), stepped.png);

  // "," steps back to the very picture shown before ".".
  await page.keyboard.press('Comma');
  await waitClipShot(page, 'question', (s) => samePicture(s, before), 'the frame before "." again after ","',
    (s) => `${pixelsDiffering(s, before)} pixels differ from it (${pixelsDiffering(s, stepped)} from the stepped one)`);
  await expectStill(page, 'question', 'after ","');
  assert.match(await status(page), PAUSED, 'still paused after ","');

  // Space plays again; the on-screen button pauses, then plays.
  await page.keyboard.press('Space');
  await waitStatus(page, PLAYING, 'playing again by Space');
  await expectMoving(page, 'question', 'playing again by Space');
  await clickPlayButton(page, 'question', PAUSED, 'paused by the on-screen button');
  await expectStill(page, 'question', 'paused by the on-screen button');
  await shot(page, `${name}-question-paused`);
  await clickPlayButton(page, 'question', PLAYING, 'playing again by the on-screen button');
  await expectMoving(page, 'question', 'playing again by the on-screen button');

  // The answer screen: the clip plays on; Space pauses and plays, Enter goes on.
  await answer(page);
  const feedback = [await waitStatus(page, CLIP_FEEDBACK, 'the answer screen of clip 1')];
  await waitStatus(page, PLAYING, 'the clip playing on the answer screen');
  await expectMoving(page, 'answer', 'the answer screen, playing');
  await page.keyboard.press('Space');
  await waitStatus(page, PAUSED, 'paused by Space on the answer screen');
  await expectStill(page, 'answer', 'paused by Space on the answer screen');
  assert.match(await status(page), CLIP_FEEDBACK, 'Space stays on the answer screen');
  await shot(page, `${name}-answer-paused`);
  await page.keyboard.press('Space');
  await waitStatus(page, PLAYING, 'playing again by Space on the answer screen');
  await expectMoving(page, 'answer', 'the answer screen, playing again');
  assert.match(await status(page), CLIP_FEEDBACK, 'Space stays on the answer screen');
  await clickPlayButton(page, 'answer', PAUSED, 'paused by the on-screen button on the answer screen');
  await expectStill(page, 'answer', 'paused by the on-screen button on the answer screen');
  await page.keyboard.press('Enter');

  // The other two clips (the other codecs) play too.
  for (let i = 2; i <= CLIP_ROUND; ++i) {
    await waitStatus(page, new RegExp(`^Question ${i} / ${CLIP_ROUND}\\. .*${PLAYING.source}`), `question ${i}, a clip playing`);
    await expectMoving(page, 'question', `question ${i}, playing`);
    await answer(page);
    feedback.push(await waitStatus(page, CLIP_FEEDBACK, `the answer screen of clip ${i}`));
    await page.keyboard.press('Enter');
  }
  const end = await waitStatus(page, new RegExp(`^\\d+ / ${CLIP_ROUND}\\.`), 'the end screen');
  const right = feedback.filter((t) => RIGHT.test(t)).length;
  assert.equal(Number(end.split(' ')[0]), right, `end score vs feedback: ${end}`);
  const codecs = feedback.map((t) => t.match(CLIP_FEEDBACK)[3]).sort();
  assert.deepEqual(codecs, ['h264', 'vp8', 'vp9'], 'the three clips, one each');
  assert.deepEqual(page.errors, []);
  console.log(`    first clip ${feedback[0].match(CLIP_FEEDBACK)[3]}`);
  await context.close();
}

// The clips pack as a folder (each clip downloaded by its address), answered with →.
test('clips-folder-by-url', (browser) => clipGame(browser, {
  query: '?pack=test-packs/clips/', name: 'clips-folder',
  answer: (page) => page.keyboard.press('ArrowRight'),
}));

// The clips pack as one zip held in memory (each clip handed over as bytes), answered with
// the on-screen Generated button.
test('clips-zip-by-url', (browser) => clipGame(browser, {
  query: '?pack=test-packs/clips.zip', name: 'clips-zip',
  answer: (page) => page.mouse.click(855, 704),
}));

// --- runner -------------------------------------------------------------------------

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
let failed = 0;
let passed = 0;
for (const t of tests) {
  if (only && t.name !== only) continue;
  const start = Date.now();
  try {
    await t.fn(browser);
    ++passed;
    console.log(`ok   ${t.name} (${((Date.now() - start) / 1000).toFixed(1)} s)`);
  } catch (e) {
    ++failed;
    console.log(`FAIL ${t.name}: ${e.message}`);
  }
}
await browser.close();
console.log(`browser tests: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

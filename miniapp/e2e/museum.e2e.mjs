// The Pocket Employment Museum and the Career Reflection Room end to end in Chromium (H5), against a running
// server with the demo museum seeded: BASE_URL=http://127.0.0.1:3000 node --test miniapp/e2e/museum.e2e.mjs
// Screenshots land in artifacts/screenshots/museum-*.png for a person to look at.
/* global document, getComputedStyle */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { PNG } from 'pngjs';
import { BASE_URL, MOBILE, h5Session } from './support/h5-session.mjs';

const DESKTOP = { viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 };

let page;
const h5 = h5Session({
  page: () => page,
  shotPrefix: 'museum-',
  chromiumArgs: ['--autoplay-policy=no-user-gesture-required'],
  // Let toasts fade and images settle so the picture is what a person sees.
  // (a Taro toast fades by opacity, which Playwright still counts as visible).
  async settle(shownPage) {
    await shownPage
      .waitForFunction(
        () =>
          [...document.querySelectorAll('.taro__toast')].every(
            (toast) => toast.style.opacity === '0' || getComputedStyle(toast).display === 'none',
          ),
        undefined,
        { timeout: 5000 },
      )
      .catch(() => undefined);
    await shownPage.waitForTimeout(500);
  },
});
const { consoleErrors, shown, clickButton, expectText, expectPath, screenshot } = h5;

async function openContext(options) {
  return h5.newPage(options, { clipboard: true });
}

/** Taro H5 scrolls each page inside its own container, not the window. */
async function scrollBy(pixels) {
  await page.evaluate(
    (delta) => [...document.querySelectorAll('.taro_page_show')].at(-1)?.scrollBy(0, delta),
    pixels,
  );
  await page.waitForTimeout(300);
}

async function devSignIn({ role, name }) {
  await h5.devSignIn(role, name);
}

async function signOut() {
  await page.evaluate(() => {
    localStorage.removeItem('careerside.token');
    localStorage.removeItem('careerside.user');
  });
}

async function guideState() {
  return page.evaluate(() => {
    const audio = document.querySelector('audio.audio-guide-element');
    return audio ? { paused: audio.paused, time: audio.currentTime, src: audio.currentSrc } : null;
  });
}

/** A PNG made on the spot for the upload steps: a diagonal gradient between two colours. */
function makePng(path, [r1, g1, b1], [r2, g2, b2]) {
  const png = new PNG({ width: 640, height: 360 });
  for (let y = 0; y < png.height; y += 1) {
    for (let x = 0; x < png.width; x += 1) {
      const mix = (x / png.width + y / png.height) / 2;
      const at = (png.width * y + x) * 4;
      png.data[at] = Math.round(r1 + (r2 - r1) * mix);
      png.data[at + 1] = Math.round(g1 + (g2 - g1) * mix);
      png.data[at + 2] = Math.round(b1 + (b2 - b1) * mix);
      png.data[at + 3] = 255;
    }
  }
  writeFileSync(path, PNG.sync.write(png));
  return path;
}

/** Clicks something that opens our hidden file input, and hands Chromium the file. */
async function upload(trigger, file) {
  const chooser = page.waitForEvent('filechooser');
  await trigger.click();
  await (await chooser).setFiles(file);
}

before(async () => {
  await h5.launch();
  page = await openContext(MOBILE);
});

after(async () => {
  await h5.close();
});

describe('the Pocket Employment Museum (H5)', { concurrency: false }, () => {
  test('a signed-out visitor is asked to sign in, then sees the halls', async () => {
    await page.goto(`${BASE_URL}/pages/museum/index`);
    await expectText('登录后参观博物馆');
    await screenshot('signed-out');
    await clickButton(/^登录$/, '.museum');
    await devSignIn({ role: '学生', name: '展厅观众' });
    await expectPath('/pages/museum/index');
    await expectText('星辰大海厅', '.hall-card__title');
    for (const title of ['光与热厅', '方寸芯光厅', '山海之间厅'])
      await expectText(title, '.hall-card__title');
    await screenshot('halls');
    await scrollBy(3000);
    await expectText('生涯反思室', '.entry-card__title');
    await screenshot('halls-entries');
  });

  test('a hall lists its exhibits in order, and can be followed', async () => {
    await scrollBy(-3000);
    await shown('.hall-card', '星辰大海厅').click();
    await expectPath('/subpackages/museum/pages/hall/index');
    await expectText('总装车间里的毫米之争', '.exhibit-card__title');
    const titles = await page.locator('.exhibit-card__title').filter({ visible: true }).allInnerTexts();
    assert.deepEqual(titles.slice(0, 2), ['总装车间里的毫米之争', '戈壁深处的测控站']);
    await clickButton('关注展厅', '.hall');
    await expectText('已关注', '.hall__follow');
    await screenshot('hall');
  });

  test('an exhibit reads like a guide, and its audio keeps playing while the student scrolls and moves on', async () => {
    await shown('.exhibit-card', '总装车间里的毫米之争').click();
    await expectPath('/subpackages/museum/pages/exhibit/index');
    await expectText('总装车间里的毫米之争', '.exhibit__title');
    await expectText('林远舟', '.alumnus__name');
    await expectText('语音导览', '.audio-card__title');
    await screenshot('exhibit-top');

    await shown('[data-action="play-guide"]').click();
    await shown('.mini-player').waitFor();
    await page.waitForFunction(() => {
      const audio = document.querySelector('audio.audio-guide-element');
      return audio && !audio.paused && audio.currentTime > 0.3;
    });
    const started = await guideState();

    // Scroll through the whole story: the guide goes on and the mini player stays on screen.
    for (let step = 0; step < 10; step += 1) await scrollBy(400);
    await expectText('从故事到行动', '.exhibit__section-title');
    await page.waitForTimeout(800);
    const scrolled = await guideState();
    assert.equal(scrolled.paused, false, 'still playing after scrolling');
    assert.ok(scrolled.time > started.time + 0.8, `the guide moved on (${started.time} -> ${scrolled.time})`);
    assert.ok(await shown('.mini-player').isVisible(), 'the mini player stays on screen');
    await expectText('0:', '.mini-player__time');
    await screenshot('exhibit-scrolled-playing');

    await shown('.exhibit__story').scrollIntoViewIfNeeded();
    await screenshot('exhibit-story');
    await shown('.exhibit__section-title', '从故事到行动').scrollIntoViewIfNeeded();
    await screenshot('exhibit-actions');

    // Next exhibit: a new page, the same narration still playing.
    await shown('.exhibit__neighbour--next').click();
    await expectText('戈壁深处的测控站', '.exhibit__title');
    const moved = await guideState();
    assert.equal(moved.paused, false, 'still playing on the next exhibit');
    await expectText('总装车间里的毫米之争', '.mini-player__title');
    await screenshot('next-exhibit-mini-player');

    await shown('.mini-player__toggle').click();
    await page.waitForFunction(() => document.querySelector('audio.audio-guide-element')?.paused === true);
    await shown('.mini-player__close').click();
    await shown('.mini-player').waitFor({ state: 'hidden' });
  });

  test('likes, favourites and the share link', async () => {
    await shown('[data-reaction="like"]').click();
    await expectText('已点赞', '[data-reaction="like"]');
    await shown('[data-reaction="favourite"]').click();
    await expectText('已收藏', '[data-reaction="favourite"]');
    await shown('[data-reaction="share"]').click();
    await expectText('展品链接已复制');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /\/subpackages\/museum\/pages\/exhibit\/index\?id=/);
    await screenshot('exhibit-reacted');

    await page.goto(`${BASE_URL}/subpackages/museum/pages/favourites/index`);
    await expectText('戈壁深处的测控站', '.exhibit-card__title');
  });

  test('search finds exhibits by title and by tag', async () => {
    await page.goto(`${BASE_URL}/subpackages/museum/pages/search/index`);
    await shown('.museum-search__input input').fill('芯片');
    await expectText('一颗芯片的十八个月', '.exhibit-card__title');
    await shown('.museum-search__input input').fill('');
    await shown('.museum-search__tag', '#集成电路').click();
    await expectText('无尘车间里的“兔子服”', '.exhibit-card__title');
    await screenshot('search');
  });

  test('the museum tab offers to continue the tour', async () => {
    await page.goto(`${BASE_URL}/pages/museum/index`);
    await expectText('戈壁深处的测控站', '.museum__continue-title');
    await screenshot('continue-tour');
  });

  test('the reflection room keeps answers private unless shared', async () => {
    await shown('.entry-card', '生涯反思室').click();
    await expectPath('/subpackages/museum/pages/reflection/index');
    await expectText('山海之间厅', '.reflection-room-card__title');
    await screenshot('reflection-rooms');
    await shown('.reflection-room-card', '山海之间厅').click();
    await expectPath('/subpackages/museum/pages/reflection-room/index');
    const first = page.locator('.prompt').filter({ visible: true }).first();
    await first.locator('textarea').fill('我也想去西部，但担心离家太远。');
    await first.locator('.composer__save').click();
    await expectText('我也想去西部，但担心离家太远。', '.answer__text');
    await expectText('仅自己可见', '.answer__badge');
    await first.locator('[data-action="share"]').click();
    await expectText('已分享给咨询老师', '.answer__badge');
    await screenshot('reflection-room');
  });

  test('staff manage the museum on a phone: halls, a new exhibit with uploads, publish', async () => {
    await signOut();
    await page.goto(`${BASE_URL}/pages/museum/index`);
    await clickButton(/^登录$/, '.museum');
    await devSignIn({ role: '管理员', name: '展馆管理员' });
    await expectPath('/pages/museum/index');
    await shown('.entry-card', '展馆管理').click();
    await expectPath('/subpackages/staff-museum/pages/halls/index');
    await expectText('星辰大海厅', '.staff-row__title');
    await screenshot('staff-halls');

    const image = makePng(join(tmpdir(), 'museum-e2e-cover.png'), [47, 133, 90], [201, 149, 44]);
    await shown('[data-field="hall-title"] input').fill('测试展厅');
    await upload(shown('[data-field="hall-cover-image"] [data-action="upload"]'), image);
    await shown('[data-field="hall-cover-image"] .image-field__preview').waitFor();
    await clickButton('创建', '.staff-museum__new-hall');
    await expectPath('/subpackages/staff-museum/pages/hall/index');
    await expectText('测试展厅', '.staff-museum__title');
    await screenshot('staff-new-hall');

    await clickButton('新建展品');
    await expectPath('/subpackages/staff-museum/pages/exhibit/index');
    await shown('[data-field="title"] input').fill('测试展品：一段新故事');
    await shown('[data-field="summary"] textarea').fill('为端到端测试写的一段摘要。');
    await shown('[data-field="body"] textarea').fill(
      '## 小标题\n\n正文里有 **加粗** 和 <script>alert(1)</script>。\n\n> 一句引用',
    );
    await upload(shown('[data-field="cover-image"] [data-action="upload"]'), image);
    await shown('[data-field="cover-image"] .image-field__preview').waitFor();
    await shown('.staff-museum__preview .md-blockquote').waitFor();
    assert.equal(
      await page.locator('.staff-museum__preview script').count(),
      0,
      'no script element in the preview',
    );
    await clickButton('保存', '.staff-exhibit__bar');
    await page.waitForURL((url) => url.searchParams.has('id'));
    await clickButton('发布', '.staff-exhibit__bar');
    await expectText('已发布', '.staff-museum__title');
    await scrollBy(-6000);
    await screenshot('staff-exhibit-editor-top');
    await shown('.staff-museum__preview').scrollIntoViewIfNeeded();
    await screenshot('staff-exhibit-editor-preview');
  });

  test('the staff CMS works on a desktop browser', async () => {
    page = await openContext(DESKTOP);
    await page.goto(`${BASE_URL}/pages/museum/index`);
    await clickButton(/^登录$/, '.museum');
    await devSignIn({ role: '管理员', name: '桌面管理员' });
    await expectPath('/pages/museum/index');
    await page.goto(`${BASE_URL}/subpackages/staff-museum/pages/halls/index`);
    await expectText('测试展厅', '.staff-row__title');
    await screenshot('desktop-staff-halls');
    await shown('.staff-row', '星辰大海厅').locator('[data-action="open"]').click();
    await expectPath('/subpackages/staff-museum/pages/hall/index');
    await expectText('总装车间里的毫米之争', '.staff-row__title');
    await screenshot('desktop-staff-hall');
    await shown('.staff-row', '总装车间里的毫米之争').locator('[data-action="open"]').click();
    await expectPath('/subpackages/staff-museum/pages/exhibit/index');
    await shown('.staff-museum__preview .md-h3').waitFor();
    const form = await shown('.staff-museum__form').boundingBox();
    const preview = await shown('.staff-museum__preview').boundingBox();
    assert.ok(preview.x > form.x + form.width - 1, 'the preview sits beside the form on a wide screen');
    await screenshot('desktop-staff-exhibit');
  });

  test('no console errors or page errors along the way', () => {
    assert.deepEqual(consoleErrors, []);
  });
});

// Jobs and job alerts end to end in Chromium against a running server (H5 build + API, demo data seeded):
// BASE_URL=http://127.0.0.1:3000 node --test miniapp/e2e/jobs.e2e.mjs
// A visitor browses and filters the 岗位 tab and opens a posting; a student saves it, marks it applied and
// sets up alerts; an admin publishes a posting that alerts the student, reviews employer submissions and
// imports a CSV; an employer submits a posting and follows it on the status page.
// Screenshots land in artifacts/screenshots/ as jobs-*.png.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, TIMEOUT, apiAsDevUser as apiAs, h5Session } from './support/h5-session.mjs';

// Runs against a database other suites also write to: names made here are unique to this run.
const RUN = Date.now().toString(36).slice(-5);

let page;
const h5 = h5Session({ page: () => page, shotPrefix: 'jobs-' });
const {
  consoleErrors,
  expectFailure,
  shown,
  clickButton,
  clickTab,
  expectText,
  expectPath,
  screenshot,
  afterToast,
  devSignIn,
  signOut,
  api,
} = h5;

/** Waits until nothing on the page showing matches. */
async function expectGone(selector, text) {
  await shown(selector, text).waitFor({ state: 'hidden', timeout: TIMEOUT });
}

before(async () => {
  page = await h5.start({ clipboard: true });
});

after(async () => {
  await h5.close();
});

describe('jobs in the H5 app', { concurrency: false }, () => {
  test('a visitor browses the 岗位 tab: key-sector postings are marked', async () => {
    await page.goto(`${BASE_URL}/pages/jobs/index`);
    await expectText('岗位推荐', '.jobs__title');
    await expectText('液体火箭发动机设计工程师', '.job-card__title');
    await expectText('重点领域 · 航空航天', '.job-card__tag--key');
    assert.match(await shown('.jobs__total').innerText(), /共 \d+ 个岗位/);
    const keyCard = shown('.job-card', '液体火箭发动机设计工程师');
    assert.match(await keyCard.getAttribute('class'), /job-card--key/);
    const plainCard = page.locator('.job-card', { hasText: '后端开发工程师' });
    assert.doesNotMatch(await plainCard.getAttribute('class'), /job-card--key/);
    await screenshot('tab-visitor');
  });

  test('searches Chinese text and filters by key sector, industry, location and degree', async () => {
    await shown('.jobs__search-input input').fill('晶圆');
    await clickButton('搜索', '.jobs__search');
    await expectText('共 1 个岗位', '.jobs__total');
    await expectText('工艺整合工程师', '.job-card__title');
    await screenshot('search');

    await shown('.jobs__search-input input').fill('');
    await clickButton('搜索', '.jobs__search');
    await expectText('液体火箭发动机设计工程师', '.job-card__title');
    await shown('.chip', '能源').click();
    // The last list stays on screen while the filtered one loads: wait for the other sectors to go.
    await expectGone('.job-card__title', '液体火箭');
    await expectText('变电运维工程师', '.job-card__title');
    await screenshot('sector-energy');

    await shown('.chip', '全部').click();
    await expectText('液体火箭发动机设计工程师', '.job-card__title');
    await shown('.jobs__filter-toggle').click();
    await shown('.jobs__option', '西安').click();
    await expectText('筛选 · 1', '.jobs__filter-toggle');
    await expectText('液体火箭发动机设计工程师', '.job-card__title');
    // A posting without locations (全国招聘) is open anywhere.
    await expectText('管理培训生', '.job-card__title');
    // 成都 postings are not in 西安.
    await expectGone('.job-card__title', '变电运维');
    await shown('.jobs__option', '本科').click();
    await expectText('筛选 · 2', '.jobs__filter-toggle');
    // Master's-only postings are not open to a bachelor.
    await expectGone('.job-card__title', '液体火箭发动机设计工程师');
    await expectText('商业运载火箭控制系统工程师', '.job-card__title');
    await screenshot('filters');
    await shown('.jobs__clear').click();
    await shown('.jobs__filter-toggle').click();
    await expectText('筛选', '.jobs__filter-toggle');
  });

  test('a visitor opens a posting: requirements, how to apply, a sign-in prompt', async () => {
    await shown('.job-card', '液体火箭发动机设计工程师').click();
    await expectPath('/subpackages/jobs/pages/detail/index');
    await expectText('液体火箭发动机设计工程师', '.job-detail__title');
    await expectText('12K-20K/月', '.job-detail__salary');
    await expectText('重点领域 · 航空航天', '.job-detail__sector');
    await expectText('硕士及以上', '.job-detail__row');
    await expectText('航空宇航推进理论与工程', '.job-detail__row');
    await expectText('网申', '.job-detail__method');
    await expectText('登录后可收藏岗位、记录投递', '.job-detail__signin');
    await screenshot('detail-visitor', true);
  });

  test('a student signs in, saves the posting and marks it applied', async () => {
    await clickButton('登录', '.job-detail__signin');
    await devSignIn('学生', `岗位测试${RUN}`);
    await expectPath('/subpackages/jobs/pages/detail/index');
    await clickButton('收藏', '.job-detail__bar');
    await expectText('★ 已收藏', '.job-detail__save');
    await clickButton('我已投递', '.job-detail__bar');
    await expectText('✓ 已投递', '.job-detail__applied');
    await afterToast();
    await screenshot('detail-saved-applied');

    // Sign-in replaced the history: back to the tab the way a student would, through the tab bar.
    await page.goto(`${BASE_URL}/pages/jobs/index`);
    await expectText('★ 已收藏', '.job-card__saved');
    await clickButton('我的收藏', '.jobs__hero');
    await expectPath('/subpackages/jobs/pages/saved/index');
    await expectText('液体火箭发动机设计工程师', '.job-card__title');
    await shown('.chip', '已投递').click();
    await expectText('投递', '.saved-jobs__when');
    await screenshot('saved-applied');
    await page.goBack();
  });

  test('the student sets up alerts: key sector, location, instant; the browser explains WeChat pushes', async () => {
    await expectPath('/pages/jobs/index');
    await clickButton('订阅提醒', '.jobs__hero');
    await expectPath('/subpackages/jobs/pages/alerts/index');
    await expectText('尚未订阅', '.alerts__notice');
    await screenshot('alerts-new');
    await shown('[data-field="frequency"] .option-chips__chip', '即时提醒').click();
    await shown('[data-field="keySectors"] .option-chips__chip', '航空航天').click();
    await shown('[data-field="locations"] input').fill('西安');
    await clickButton('添加', '[data-field="locations"]');
    await expectText('西安', '[data-field="locations"] .tag-input__tag');
    await clickButton('保存订阅', '.alerts');
    await expectText('网页版不支持微信提醒', '.alerts__consent');
    await expectGone('.alerts__notice');
    await afterToast();
    await shown('.alerts__consent').scrollIntoViewIfNeeded();
    await screenshot('alerts-saved');
    const saved = await api('GET', 'me/job-alerts');
    assert.deepEqual(
      { keySectors: saved.body.keySectors, locations: saved.body.locations, frequency: saved.body.frequency },
      { keySectors: ['aerospace'], locations: ['西安'], frequency: 'instant' },
    );
  });

  test('"jobs in this sector" on a museum story opens the 岗位 tab filtered to that sector', async () => {
    const halls = await api('GET', 'museum/halls');
    const hall = await api('GET', `museum/halls/${halls.body.items[0].id}`);
    const exhibit = hall.body.exhibits.find((item) => item.keySector === 'aerospace');
    assert.ok(exhibit, 'the demo museum has an aerospace story');
    await page.goto(`${BASE_URL}/subpackages/museum/pages/exhibit/index?id=${exhibit.id}`);
    await shown('[data-action="jobs"]').click();
    await expectPath('/pages/jobs/index');
    await expectText('航空航天', '.chip--active');
    await expectText('液体火箭发动机设计工程师', '.job-card__title');
    await expectGone('.job-card__title', '变电运维工程师');
    await screenshot('from-museum-story');
  });

  test('an admin publishes a posting from the editor and it alerts the student', async () => {
    const student = await api('GET', 'me');
    await signOut();
    await clickButton(/^登录$/, '.me');
    await devSignIn('管理员', `岗位管理员${RUN}`);
    await clickTab('岗位');
    await clickButton('岗位管理', '.jobs__hero');
    await expectPath('/subpackages/staff-jobs/pages/list/index');
    await expectText('风电场运维工程师', '.staff-jobs__title');
    await expectText('审核队列', '.staff-jobs__toolbar');
    await screenshot('staff-list');

    await clickButton('新建岗位', '.staff-jobs__toolbar');
    await expectPath('/subpackages/staff-jobs/pages/editor/index');
    const title = `卫星姿控工程师 ${RUN}`;
    await shown('[data-field="title"] input').fill(title);
    await shown('[data-field="employer"] input').fill('穹宇卫星总体设计部');
    await shown('[data-field="employerType"] .option-chips__chip', '科研院所').click();
    await shown('[data-field="industry"] .option-chips__chip', '航空航天').click();
    await shown('[data-field="keySectors"] .option-chips__chip', '航空航天').click();
    await shown('[data-field="locations"] input').fill('西安、北京');
    await shown('[data-field="salaryMin"] input').fill('15000');
    await shown('[data-field="salaryMax"] input').fill('9000');
    await shown('[data-field="description"] textarea').fill('负责卫星姿态与轨道控制分系统设计。');
    await shown('[data-field="applyUrl"] input').fill('https://careers.example.edu.cn/demo/qiongyu');
    // Missing deadline and an upside-down salary range: the server names both fields.
    expectFailure(400, '/api/admin/jobs');
    await clickButton('保存草稿', '.staff-jobs__buttons');
    await expectText('请检查标出的内容', '.staff-jobs__problem');
    await shown('[data-field="deadline"] .form-field__error').waitFor();
    await expectText('不能低于月薪下限', '[data-field="salaryMax"] .form-field__error');
    await screenshot('editor-invalid', true);

    await shown('[data-field="salaryMax"] input').fill('22000');
    await shown('[data-field="deadline"] .posting-form__picker').click();
    await shown('.weui-picker__action', '确定').click();
    await clickButton('保存并发布', '.staff-jobs__buttons');
    await shown('.taro-model__confirm', '发布').click();
    await expectText('已发布', '.staff-jobs__status');
    await expectText('匹配学生', '.staff-jobs__stat-label');
    await afterToast();
    await screenshot('editor-published');

    const inbox = await apiAs(
      `dev-probe-${RUN}`,
      'admin',
      'GET',
      `admin/jobs?keyword=${encodeURIComponent(title)}`,
    );
    assert.equal(inbox.body.items[0]?.status, 'published');
    const stats = await api('GET', `admin/jobs/${inbox.body.items[0].id}/stats`);
    assert.ok(stats.body.matched >= 1, 'the student with matching alerts is matched');
    assert.ok(student.body.id);
  });

  test('the admin reviews the employer queue: declines with a reason and approves', async () => {
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const submit = (title, employer, extra) =>
      fetch(`${BASE_URL}/api/employer/job-submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          title,
          employer,
          industry: 'energy',
          deadline,
          description: '负责电站设计与运维。',
          contactName: '周女士',
          ...extra,
        }),
      }).then((response) => assert.equal(response.status, 201));
    await submit(`光伏电站设计工程师 ${RUN}`, '秦川新能源工程设计有限公司', {
      keySectors: ['energy'],
      locations: ['西安'],
      applyEmail: 'hr@qinchuan.example.cn',
      contactPhone: '029-8866 1234',
    });
    await submit(`数控加工工艺员 ${RUN}`, '秦岭精密机械有限公司', {
      industry: 'manufacturing',
      applyAddress: '每周五上午在公司人力资源部面试',
      contactEmail: 'hr@qinling.example.cn',
    });
    await page.goBack();
    await expectPath('/subpackages/staff-jobs/pages/list/index');
    await clickButton('审核队列', '.staff-jobs__toolbar');
    await expectPath('/subpackages/staff-jobs/pages/review/index');
    await expectText(`光伏电站设计工程师 ${RUN}`, '.staff-jobs__title');
    await screenshot('review-queue', true);
    const declineCard = shown('.staff-jobs__card', `数控加工工艺员 ${RUN}`);
    await declineCard.locator('.nut-button', { hasText: '退回' }).click();
    await declineCard.locator('textarea').fill('请补充薪资待遇和具体的面试时间后重新提交。');
    await declineCard.locator('.nut-button', { hasText: '确认退回' }).click();
    await expectGone('.staff-jobs__title', `数控加工工艺员 ${RUN}`);
    await shown('.staff-jobs__card', `光伏电站设计工程师 ${RUN}`)
      .locator('.nut-button', { hasText: '通过并发布' })
      .click();
    await expectGone('.staff-jobs__title', `光伏电站设计工程师 ${RUN}`);
    await shown('.chip', '已退回').click();
    await expectText('请补充薪资待遇', '.staff-jobs__problem');
    await afterToast();
    await screenshot('review-declined');
    const published = await api('GET', `jobs?keyword=${encodeURIComponent(`光伏电站设计工程师 ${RUN}`)}`);
    assert.equal(published.body.total, 1, 'the approved submission is published');
    await page.goBack();
  });

  test('the admin imports a CSV: errors by row and column, then a clean import', async () => {
    await expectPath('/subpackages/staff-jobs/pages/list/index');
    await clickButton('CSV 导入', '.staff-jobs__toolbar');
    await expectPath('/subpackages/staff-jobs/pages/import/index');
    const header =
      '岗位名称,单位名称,单位性质,行业,重点领域,工作地点,学历要求,月薪下限,月薪上限,截止日期,投递方式,投递链接,岗位描述';
    const bad = `${header}\n导入岗位甲${RUN},某研究院,研究所,航空航天,航空航天,西安,硕士,12000,20000,2099-12-31,网申,https://x.example.cn,描述\n导入岗位乙${RUN},某研究院,科研院所,航空航天,,西安,,abc,,2099-02-30,网申,https://x.example.cn,描述`;
    await shown('.staff-jobs__textarea textarea').fill(bad);
    await clickButton('检查', '.staff-jobs__buttons');
    await expectText('未导入任何岗位', '.staff-jobs__summary-bad');
    await expectText('第 2 行 · 单位性质', '.staff-jobs__error-where');
    await expectText('第 3 行 · 月薪下限', '.staff-jobs__error-where');
    await expectText('「2099-02-30」不是有效的日期', '.staff-jobs__error-message');
    await shown('.staff-jobs__report').scrollIntoViewIfNeeded();
    await screenshot('import-errors');

    const good = `${header}\n导入岗位甲${RUN},某研究院,科研院所,航空航天,航空航天,西安,硕士,12000,20000,2099-12-31,网申,https://x.example.cn,"负责结构设计，""精益求精"""\n导入岗位乙${RUN},某电网公司,国有企业,能源电力,能源,成都,本科,8000,12000,2099/12/31,网申,https://y.example.cn,负责变电运维`;
    await shown('.staff-jobs__textarea textarea').fill(good);
    await clickButton('导入', '.staff-jobs__buttons');
    await expectText('已导入 2 个岗位', '.staff-jobs__summary-ok');
    await afterToast();
    await shown('.staff-jobs__report').scrollIntoViewIfNeeded();
    await screenshot('import-done');
    const drafts = await api(
      'GET',
      `admin/jobs?status=draft&keyword=${encodeURIComponent(`导入岗位甲${RUN}`)}`,
    );
    assert.equal(drafts.body.total, 1);

    // A larger file goes in parts of 100 rows, and the page says how far it got (the second part is held
    // back until the picture is taken).
    const many = [
      header,
      ...Array.from(
        { length: 250 },
        (_, i) =>
          `批量岗位${RUN}-${i},某批量单位,国有企业,能源电力,能源,成都,本科,,,2099-12-31,网申,https://z.example.cn/${i},描述${i}`,
      ),
    ].join('\n');
    let release;
    const held = new Promise((resolve) => (release = resolve));
    const offsets = [];
    await page.route('**/api/admin/jobs/import', async (route) => {
      offsets.push(route.request().postDataJSON().offset);
      if (offsets.length === 2) await held;
      await route.continue();
    });
    await shown('.staff-jobs__textarea textarea').fill(many);
    await clickButton('导入', '.staff-jobs__buttons');
    await expectText('已处理 100 / 250 行', '.staff-jobs__progress-text');
    await screenshot('import-progress');
    release();
    await expectText('已导入 250 个岗位', '.staff-jobs__summary-ok');
    await page.unroute('**/api/admin/jobs/import');
    assert.deepEqual(offsets, [0, 100, 200]);
    const batch = await api('GET', `admin/jobs?status=draft&keyword=${encodeURIComponent(`批量岗位${RUN}`)}`);
    assert.equal(batch.body.total, 250);
  });

  test('an employer submits a posting without an account and follows it on the status page', async () => {
    await signOut();
    await page.goto(`${BASE_URL}/subpackages/employer/pages/submit/index`);
    await expectText('用人单位岗位发布', '.employer__title');
    await screenshot('employer-form');
    const title = `芯片测试工程师 ${RUN}`;
    await shown('[data-field="title"] input').fill(title);
    await shown('[data-field="employer"] input').fill('澜芯微电子科技有限公司');
    await shown('[data-field="employerType"] .option-chips__chip', '民营企业').click();
    await shown('[data-field="industry"] .option-chips__chip', '集成电路与电子').click();
    await shown('[data-field="keySectors"] .option-chips__chip', '集成电路').click();
    await shown('[data-field="locations"] input').fill('上海');
    await shown('[data-field="deadline"] .posting-form__picker').click();
    await shown('.weui-picker__action', '确定').click();
    await shown('[data-field="description"] textarea').fill('负责芯片量产测试方案开发与良率分析。');
    await shown('[data-field="applyMethod"] .option-chips__chip', '邮箱投递').click();
    await shown('[data-field="applyEmail"] input').fill('hr@lanxin.example.cn');
    await shown('[data-field="contactName"] input').fill('王经理');
    expectFailure(400, '/api/employer/job-submissions');
    await clickButton('提交审核', '.employer');
    await expectText('请至少填写电话或邮箱', '[data-field="contactPhone"] .form-field__error');
    await shown('[data-field="contactPhone"] input').fill('021-5555 6666');
    await clickButton('提交审核', '.employer');
    await expectText('已提交，等待审核', '.employer__title');
    const link = await shown('.employer__link').innerText();
    assert.match(link, /\/subpackages\/employer\/pages\/status\/index\?token=[A-Za-z0-9_-]{32}$/);
    await screenshot('employer-submitted');

    await clickButton('查看审核状态', '.employer__buttons');
    await expectPath('/subpackages/employer/pages/status/index');
    await expectText('等待审核', '.employer__status-label');
    await screenshot('employer-status-pending');

    const queue = await apiAs(`dev-probe-${RUN}`, 'admin', 'GET', 'admin/job-submissions');
    const submission = queue.body.items.find((item) => item.posting.title === title);
    assert.ok(submission, 'the submission is in the staff queue');
    await apiAs(`dev-probe-${RUN}`, 'admin', 'POST', `admin/job-submissions/${submission.id}/decline`, {
      reason: '请补充薪资范围后重新提交。',
    });
    await page.reload();
    await expectText('未通过', '.employer__status-label');
    await expectText('请补充薪资范围后重新提交。', '.employer__reason');
    await screenshot('employer-status-declined');

    expectFailure(404, '/api/employer/job-submissions/not-a-real-token-0000000000');
    await page.goto(`${BASE_URL}/subpackages/employer/pages/status/index?token=not-a-real-token-0000000000`);
    await expectText('没有找到这条投稿', '.state-view__body');
  });

  test('the student taps the alert through to the posting, which counts as opened', async () => {
    await page.goto(`${BASE_URL}/pages/me/index`);
    await clickButton(/^登录$/, '.me');
    await devSignIn('学生', '');
    await expectPath('/pages/me/index');
    await expectText('学生', '.role-badge');
    const notifications = await api('GET', 'me/notifications?limit=50');
    const alert = notifications.body.items.find(
      (item) => item.kind === 'job_alert' && item.title.includes(`卫星姿控工程师 ${RUN}`),
    );
    assert.ok(alert, 'the published posting alerted the student');
    assert.match(alert.page, /^subpackages\/jobs\/pages\/detail\/index\?id=.+&from=alert$/);
    await page.goto(`${BASE_URL}/${alert.page}`);
    await expectText(`卫星姿控工程师 ${RUN}`, '.job-detail__title');
    const jobId = alert.payload.jobId;
    const deadline = Date.now() + 5000;
    let opened = 0;
    while (opened === 0 && Date.now() < deadline) {
      opened = (await apiAs(`dev-probe-${RUN}`, 'admin', 'GET', `admin/jobs/${jobId}/stats`)).body.opened;
      if (opened === 0) await page.waitForTimeout(200);
    }
    assert.equal(opened, 1);
    await page.goto(`${BASE_URL}/subpackages/jobs/pages/matches/index`);
    await expectText(`卫星姿控工程师 ${RUN}`, '.job-card__title');
    await screenshot('matches');
  });

  test('no console errors or page errors along the way', () => {
    assert.deepEqual(consoleErrors, []);
  });
});

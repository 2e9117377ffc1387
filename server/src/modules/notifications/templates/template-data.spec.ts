import { describe, expect, it } from '@jest/globals';
import { DEFAULT_TEMPLATES } from '../../../config/notification-templates';
import { buildTemplateData } from './template-data';

describe(buildTemplateData.name, () => {
  it('fills each keyword of the booking template from its field, fitted to the keyword type', () => {
    const template = DEFAULT_TEMPLATES.appointment_booked;
    if (!template) throw new Error('the demo registry has a booking template');
    const data = buildTemplateData(
      template,
      {
        title: '预约成功',
        body: '你已预约 11 月 27 日上午的咨询',
        fields: {
          topic: '简历修改与模拟面试——面向航空航天与国防军工方向的求职准备',
          startsAt: new Date('2026-11-27T01:30:00Z'),
          advisorName: '王老师',
          location: '学生活动中心 305',
        },
      },
      'Asia/Shanghai',
    );
    expect(data).toEqual({
      thing1: { value: '简历修改与模拟面试——面向航空航天与国…' },
      time2: { value: '2026年11月27日 09:30' },
      thing3: { value: '王老师' },
      thing4: { value: '学生活动中心 305' },
    });
  });

  it('maps title and body, and a configured keyword layout', () => {
    const data = buildTemplateData(
      {
        templateId: 'x',
        mode: 'one_time',
        fields: { phrase1: 'title', character_string7: 'jobTitle', number2: 'count' },
      },
      { title: '岗位推荐通知', body: 'b', fields: { jobTitle: 'JD-2026/航天', count: 12 } },
      'Asia/Shanghai',
    );
    expect(data).toEqual({
      phrase1: { value: '岗位推荐通' },
      character_string7: { value: 'JD-2026/' },
      number2: { value: '12' },
    });
  });

  it('fills a field the notification did not carry with a placeholder instead of an empty value', () => {
    const template = DEFAULT_TEMPLATES.job_alert;
    if (!template) throw new Error('the demo registry has a job alert template');
    const data = buildTemplateData(
      template,
      { title: 't', body: 'b', fields: { jobTitle: '软件工程师' } },
      'UTC',
    );
    expect(data.thing2).toEqual({ value: '-' });
    expect(data.date4).toEqual({ value: '-' });
  });
});

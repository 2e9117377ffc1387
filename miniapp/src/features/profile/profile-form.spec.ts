import { describe, expect, it } from '@jest/globals';
import type { StudentProfile } from '@careerside/shared';
import { toFormValues, toUpdateRequest } from './profile-form';

const saved: StudentProfile = {
  name: '张同学',
  studentNumber: null,
  college: '计算机学院',
  major: null,
  degree: 'bachelor',
  graduationYear: 2026,
};

describe('toUpdateRequest', () => {
  it('sends nothing when nothing changed', () => {
    expect(toUpdateRequest(toFormValues(saved), saved)).toEqual({ request: {}, localErrors: {} });
  });

  it('sends only the changed fields, trimmed, with a cleared field as null', () => {
    const values = {
      ...toFormValues(saved),
      major: '  软件工程 ',
      college: '   ',
      degree: 'master' as const,
    };
    expect(toUpdateRequest(values, saved).request).toEqual({
      major: '软件工程',
      college: null,
      degree: 'master',
    });
  });

  it('sends a typed year as a number and leaves its range to the server', () => {
    const values = { ...toFormValues(saved), graduationYear: '1800' };
    expect(toUpdateRequest(values, saved)).toEqual({ request: { graduationYear: 1800 }, localErrors: {} });
  });

  it('clears the year with null and refuses text that is not a four-digit year', () => {
    expect(toUpdateRequest({ ...toFormValues(saved), graduationYear: '' }, saved).request).toEqual({
      graduationYear: null,
    });
    for (const typed of ['26', '2026.5', '二〇二六', '20266']) {
      const result = toUpdateRequest({ ...toFormValues(saved), graduationYear: typed }, saved);
      expect(result.localErrors).toEqual({ graduationYear: 'yearFormat' });
      expect(result.request).not.toHaveProperty('graduationYear');
    }
  });
});

import { describe, expect, it } from '@jest/globals';
import { ErrorCode, Locale } from '@careerside/shared';
import { localizeErrorBody } from './localize-error';

describe(localizeErrorBody.name, () => {
  const validation = {
    statusCode: 400,
    code: ErrorCode.ValidationFailed,
    message: 'Invalid request: check graduationYear, role',
    details: [
      {
        field: 'graduationYear',
        constraint: 'min',
        message: 'graduationYear must not be less than 2000',
      },
      { field: 'role', constraint: 'whitelistValidation', message: 'role is not a known field' },
      { field: 'degree', constraint: 'isIn', message: 'degree must be one of the following values: a, b' },
      { field: 'weird', constraint: 'someCustomRule', message: 'weird is weird' },
    ],
  };

  it('answers validation details in Chinese without repeating the field', () => {
    const body = localizeErrorBody(validation, Locale.ZhCN);
    expect(body.message).toBe('请检查以下字段：graduationYear, role, degree, weird');
    expect(body.details?.map((d) => d.message)).toEqual([
      '不能小于 2000',
      '不是可接受的字段',
      '必须是以下之一：a, b',
      'weird is weird',
    ]);
    expect(body.details?.map((d) => d.field)).toEqual(['graduationYear', 'role', 'degree', 'weird']);
  });

  it('keeps the field name in front in English', () => {
    const body = localizeErrorBody(validation, Locale.EnUS);
    expect(body.details?.[0]?.message).toBe('graduationYear must not be less than 2000');
    expect(body.details?.[1]?.message).toBe('role is not a known field');
  });

  it('fills a domain message from the exception params', () => {
    const body = localizeErrorBody(
      { statusCode: 403, code: ErrorCode.Forbidden, message: 'Forbidden' },
      Locale.ZhCN,
    );
    expect(body.message).toBe('没有权限进行此操作');
  });

  it('keeps the developer message for codes without a text', () => {
    const body = localizeErrorBody(
      { statusCode: 405, code: ErrorCode.MethodNotAllowed, message: 'Method PUT not allowed' },
      Locale.ZhCN,
    );
    expect(body.message).toBe('Method PUT not allowed');
  });

  it('puts an unknown route in the request language, naming it', () => {
    const body = { statusCode: 404, code: ErrorCode.RouteNotFound, message: 'No route for GET /api/x' };
    const params = { method: 'GET', path: '/api/x' };
    expect(localizeErrorBody(body, Locale.ZhCN, params).message).toBe('没有这个接口：GET /api/x');
    expect(localizeErrorBody(body, Locale.EnUS, params).message).toBe('No route for GET /api/x');
  });

  it('reads a constraint argument from the message, not from a numbered path in front of it', () => {
    const body = localizeErrorBody(
      {
        statusCode: 400,
        code: ErrorCode.BodyTooComplex,
        message: 'too complex',
        details: [
          {
            field: 'rules.0.0',
            constraint: 'bodyMaxDepth',
            message: 'rules.0.0 must not nest deeper than 32 levels',
          },
        ],
      },
      Locale.ZhCN,
    );
    expect(body.details?.[0]?.message).toBe('嵌套不能超过 32 层');
  });
});

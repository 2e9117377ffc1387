import { Locale } from '../enums/locale.enum';
import { ErrorCode } from './error-code';

export type LocalizedText = { readonly [L in Locale]: string };

/**
 * What a person reads for each error code, per locale. The server answers `message` from this table in the
 * request's language (Accept-Language), filling `{name}` placeholders from the exception's params, so the app
 * can show `message` as it is. A code missing here falls back to the exception's own (English) message.
 */
export const ERROR_MESSAGES: Partial<Record<ErrorCode, LocalizedText>> = {
  [ErrorCode.ValidationFailed]: {
    'zh-CN': '请检查以下字段：{fields}',
    'en-US': 'Check these fields: {fields}',
  },
  [ErrorCode.BadRequest]: { 'zh-CN': '请求内容不正确', 'en-US': 'The request is invalid' },
  [ErrorCode.InvalidJson]: { 'zh-CN': '请求格式不正确', 'en-US': 'The request body is not valid JSON' },
  [ErrorCode.PayloadTooLarge]: { 'zh-CN': '提交的内容过大', 'en-US': 'The request body is too large' },
  [ErrorCode.UnsupportedMediaType]: {
    'zh-CN': '不支持的内容类型',
    'en-US': 'Send the request body as application/json',
  },
  [ErrorCode.NotFound]: { 'zh-CN': '内容不存在或已删除', 'en-US': 'Not found' },
  [ErrorCode.RateLimited]: {
    'zh-CN': '操作太频繁，请稍后再试',
    'en-US': 'Too many requests; try again in a minute',
  },
  [ErrorCode.InternalError]: {
    'zh-CN': '服务出了点问题，请稍后再试',
    'en-US': 'Something went wrong on our side',
  },
  [ErrorCode.ServiceUnavailable]: {
    'zh-CN': '服务暂时不可用，请稍后再试',
    'en-US': 'The service is unavailable',
  },
  [ErrorCode.Unauthenticated]: { 'zh-CN': '请先登录', 'en-US': 'Please sign in first' },
  [ErrorCode.TokenExpired]: {
    'zh-CN': '登录已过期，请重新登录',
    'en-US': 'Your session has expired; sign in again',
  },
  [ErrorCode.TokenInvalid]: {
    'zh-CN': '登录状态无效，请重新登录',
    'en-US': 'Your session is not valid; sign in again',
  },
  [ErrorCode.Forbidden]: { 'zh-CN': '没有权限进行此操作', 'en-US': 'You are not allowed to do this' },
  [ErrorCode.DevLoginDisabled]: {
    'zh-CN': '开发环境登录已关闭',
    'en-US': 'Dev sign-in is turned off on this server',
  },
  [ErrorCode.CannotChangeOwnRole]: {
    'zh-CN': '不能修改自己的角色',
    'en-US': 'You cannot change your own role',
  },
  [ErrorCode.WechatCodeInvalid]: {
    'zh-CN': '微信登录凭证无效或已过期，请重试',
    'en-US': 'The WeChat login code is invalid or expired; try again',
  },
  [ErrorCode.WechatRateLimited]: {
    'zh-CN': '微信登录过于频繁，请一分钟后再试',
    'en-US': 'WeChat is limiting sign-ins; try again in a minute',
  },
  [ErrorCode.WechatUserBlocked]: {
    'zh-CN': '微信判定当前账号存在风险，暂时无法登录',
    'en-US': 'WeChat has flagged this account; sign-in is blocked for now',
  },
  [ErrorCode.WechatUnavailable]: {
    'zh-CN': '微信服务暂时不可用，请稍后再试',
    'en-US': 'WeChat is unavailable; try again later',
  },
  [ErrorCode.WechatNotConfigured]: {
    'zh-CN': '服务器尚未配置微信小程序',
    'en-US': 'WeChat sign-in is not configured on this server',
  },
  [ErrorCode.SlotFull]: {
    'zh-CN': '该时段已约满，可以加入候补或选择其他时间',
    'en-US': 'This time is fully booked; join the waitlist or pick another time',
  },
  [ErrorCode.MediaFileMissing]: {
    'zh-CN': '请选择要上传的文件',
    'en-US': 'Attach the file as a multipart part named "file"',
  },
  [ErrorCode.MediaTypeNotAllowed]: {
    'zh-CN': '不支持该文件类型，图片请用 JPEG、PNG 或 WebP，音频请用 MP3、M4A 或 WAV',
    'en-US': 'This file type is not accepted: images must be JPEG, PNG or WebP, audio MP3, M4A or WAV',
  },
  [ErrorCode.MediaTooLarge]: {
    'zh-CN': '文件过大，不能超过 {limit}',
    'en-US': 'The file is too large; the limit is {limit}',
  },
  [ErrorCode.MediaUnreadable]: {
    'zh-CN': '文件已损坏或无法读取',
    'en-US': 'The file is damaged or cannot be read',
  },
  [ErrorCode.MediaReferenceInvalid]: {
    'zh-CN': '引用的图片或音频不存在或类型不符：{fields}',
    'en-US': 'These fields name media that does not exist or has the wrong kind: {fields}',
  },
  [ErrorCode.ReorderMismatch]: {
    'zh-CN': '排序列表与当前内容不一致，请刷新后重试',
    'en-US': 'The order must list every item exactly once; reload and try again',
  },
  [ErrorCode.MuseumContentIncomplete]: {
    'zh-CN': '发布前请补充：{fields}',
    'en-US': 'Fill these in before publishing: {fields}',
  },
  [ErrorCode.DeliveryNotRetryable]: {
    'zh-CN': '这条消息当前不能重试',
    'en-US': 'This delivery cannot be retried in its current state',
  },
};

/**
 * Field-level validation messages by class-validator constraint name, without the field's name (the app
 * shows them beside the field). `{n}` and `{values}` come from the constraint's arguments.
 */
export const VALIDATION_MESSAGES: Record<string, LocalizedText> = {
  whitelistValidation: { 'zh-CN': '不是可接受的字段', 'en-US': 'is not a known field' },
  isDefined: { 'zh-CN': '必须填写', 'en-US': 'is required' },
  isNotEmpty: { 'zh-CN': '不能为空', 'en-US': 'must not be empty' },
  isString: { 'zh-CN': '必须是文本', 'en-US': 'must be text' },
  isInt: { 'zh-CN': '必须是整数', 'en-US': 'must be a whole number' },
  isNumber: { 'zh-CN': '必须是数字', 'en-US': 'must be a number' },
  isBoolean: { 'zh-CN': '必须是布尔值', 'en-US': 'must be true or false' },
  isArray: { 'zh-CN': '必须是列表', 'en-US': 'must be a list' },
  isEnum: { 'zh-CN': '不是有效的选项', 'en-US': 'is not a valid option' },
  isIn: { 'zh-CN': '必须是以下之一：{values}', 'en-US': 'must be one of: {values}' },
  min: { 'zh-CN': '不能小于 {n}', 'en-US': 'must not be less than {n}' },
  max: { 'zh-CN': '不能大于 {n}', 'en-US': 'must not be greater than {n}' },
  minLength: { 'zh-CN': '至少 {n} 个字符', 'en-US': 'must be at least {n} characters' },
  maxLength: { 'zh-CN': '最多 {n} 个字符', 'en-US': 'must be at most {n} characters' },
  arrayMaxSize: { 'zh-CN': '最多 {n} 项', 'en-US': 'must have at most {n} items' },
  arrayMinSize: { 'zh-CN': '至少 {n} 项', 'en-US': 'must have at least {n} items' },
  matches: { 'zh-CN': '格式不正确', 'en-US': 'has the wrong format' },
  isUrl: { 'zh-CN': '必须是有效的网址', 'en-US': 'must be a valid URL' },
  isEmail: { 'zh-CN': '必须是有效的邮箱地址', 'en-US': 'must be a valid email address' },
  isDateString: { 'zh-CN': '必须是有效的日期时间', 'en-US': 'must be a valid date and time' },
  isISO8601: { 'zh-CN': '必须是有效的日期时间', 'en-US': 'must be a valid date and time' },
  isUUID: { 'zh-CN': '不是有效的编号', 'en-US': 'is not a valid id' },
  isObject: { 'zh-CN': '必须是对象', 'en-US': 'must be an object' },
  nestedValidation: { 'zh-CN': '内容不正确', 'en-US': 'is invalid' },
};

/** Fills `{name}` placeholders; unknown names are left as they are. */
export function fillTemplate(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export function errorMessage(
  code: ErrorCode,
  locale: Locale,
  params?: Record<string, string | number>,
): string | undefined {
  const text = ERROR_MESSAGES[code];
  return text ? fillTemplate(text[locale], params) : undefined;
}

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
  [ErrorCode.BodyTooComplex]: {
    'zh-CN': '提交的内容层级过深或条目过多',
    'en-US': 'The request body nests too deeply or holds too many items',
  },
  [ErrorCode.BodyNotObject]: {
    'zh-CN': '请求内容必须是 JSON 对象',
    'en-US': 'The request body must be a JSON object',
  },
  [ErrorCode.RouteNotFound]: {
    'zh-CN': '没有这个接口：{method} {path}',
    'en-US': 'No route for {method} {path}',
  },
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
  [ErrorCode.DatabaseUnavailable]: {
    'zh-CN': '服务繁忙或暂时无法连接数据库，请稍后再试',
    'en-US': 'The database is not answering right now; try again shortly',
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
  [ErrorCode.TokenRevoked]: {
    'zh-CN': '登录已失效，请重新登录',
    'en-US': 'You have been signed out; sign in again',
  },
  [ErrorCode.Forbidden]: { 'zh-CN': '没有权限进行此操作', 'en-US': 'You are not allowed to do this' },
  [ErrorCode.NotBoundToAdvisor]: {
    'zh-CN': '你的账号尚未绑定咨询师资料，请使用中心发放的邀请码',
    'en-US': 'Your account is not bound to an advisor profile yet; use the invite from the center',
  },
  [ErrorCode.NotOwnAdvisor]: {
    'zh-CN': '只能获取本人咨询师主页的海报和小程序码',
    'en-US': "Only staff and the advisor's own counselor can get this advisor's poster and mini-program code",
  },
  [ErrorCode.InviteInvalid]: {
    'zh-CN': '邀请码无效、已使用或已过期',
    'en-US': 'The invite code is invalid, used or expired',
  },
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
  [ErrorCode.SlotNotAvailable]: {
    'zh-CN': '该时段已不再开放预约，请选择其他时间',
    'en-US': 'This time is no longer offered; pick another one',
  },
  [ErrorCode.BookingTooSoon]: {
    'zh-CN': '请至少提前 {hours} 小时预约',
    'en-US': 'Book at least {hours} hours ahead',
  },
  [ErrorCode.BookingTooFar]: {
    'zh-CN': '只能预约未来 {days} 天内的时段',
    'en-US': 'You can book up to {days} days ahead',
  },
  [ErrorCode.TooManyActive]: {
    'zh-CN': '你已有 {max} 个未完成的预约，完成或取消后才能再约',
    'en-US': 'You already have {max} upcoming appointments; attend or cancel one first',
  },
  [ErrorCode.OverlappingAppointment]: {
    'zh-CN': '你在这个时间已有其他预约',
    'en-US': 'You already have an appointment at this time',
  },
  [ErrorCode.OnePerAdvisorPerDay]: {
    'zh-CN': '同一位老师每天只能预约一次',
    'en-US': 'You can book one session per advisor per day',
  },
  [ErrorCode.AlreadyBooked]: {
    'zh-CN': '你已经预约了这个时段',
    'en-US': 'You have already booked this time',
  },
  [ErrorCode.BookingSuspended]: {
    'zh-CN': '因 90 天内多次爽约或临时取消（{reasons}），预约功能暂停至 {until}',
    'en-US': 'Booking is suspended until {until} after repeated no-shows or late cancellations ({reasons})',
  },
  [ErrorCode.ProfileIncomplete]: {
    'zh-CN': '请先完善姓名、学院、学历和毕业年份再预约',
    'en-US': 'Complete your name, college, degree and graduation year before booking',
  },
  [ErrorCode.AdvisorInactive]: {
    'zh-CN': '这位老师暂不接受预约',
    'en-US': 'This advisor is not taking appointments',
  },
  [ErrorCode.CancellationClosed]: {
    'zh-CN': '已超过可取消或改期的时间（开始前 {hours} 小时）',
    'en-US': 'It is too late to cancel or reschedule ({hours} hours before the start)',
  },
  [ErrorCode.AppointmentNotActive]: {
    'zh-CN': '该预约已取消或已结束',
    'en-US': 'This appointment is already cancelled or over',
  },
  [ErrorCode.IdempotencyKeyReused]: {
    'zh-CN': '同一个请求编号被用于不同的内容，请刷新后重试',
    'en-US': 'This Idempotency-Key was used with a different request',
  },
  [ErrorCode.IdempotencyKeyInProgress]: {
    'zh-CN': '上一次提交仍在处理中，请稍候',
    'en-US': 'The first request with this Idempotency-Key is still being processed',
  },
  [ErrorCode.SlotHasSeats]: {
    'zh-CN': '该时段还有空位，可直接预约',
    'en-US': 'This time still has seats; book it directly',
  },
  [ErrorCode.AlreadyOnWaitlist]: {
    'zh-CN': '你已在该时段的候补名单中',
    'en-US': 'You are already on the waitlist for this time',
  },
  [ErrorCode.WaitlistLimitReached]: {
    'zh-CN': '你已在 {max} 个时段的候补名单中，请先退出一个再加入',
    'en-US': 'You are already on {max} waitlists; leave one before joining another',
  },
  [ErrorCode.WaitlistOfferExpired]: {
    'zh-CN': '保留的名额已过期，已顺延给下一位同学',
    'en-US': 'The held seat expired and passed to the next student',
  },
  [ErrorCode.WaitlistNotOffered]: {
    'zh-CN': '当前没有为你保留的名额',
    'en-US': 'No seat is being held for you',
  },
  [ErrorCode.CheckInTooEarly]: {
    'zh-CN': '还没到签到时间，{time} 起可签到（开始前 {minutes} 分钟）',
    'en-US': 'Check-in opens at {time} ({minutes} minutes before the start)',
  },
  [ErrorCode.CheckInTooLate]: {
    'zh-CN': '签到已于 {time} 截止（开始后 {minutes} 分钟），请联系老师',
    'en-US': 'Check-in closed at {time} ({minutes} minutes after the start); please talk to the advisor',
  },
  [ErrorCode.NoAppointmentToCheckIn]: {
    'zh-CN': '你今天没有这位老师的预约',
    'en-US': 'You have no appointment with this advisor today',
  },
  [ErrorCode.FeedbackNotAllowed]: {
    'zh-CN': '咨询结束并签到后才能评价',
    'en-US': 'You can rate a session once it is over and you attended',
  },
  [ErrorCode.FeedbackAlreadyGiven]: {
    'zh-CN': '你已经评价过这次咨询',
    'en-US': 'You have already rated this session',
  },
  [ErrorCode.AttendanceTooEarly]: {
    'zh-CN': '预约开始后才能登记到场情况',
    'en-US': 'Attendance can be recorded once the appointment has started',
  },
  [ErrorCode.RulesInvalid]: {
    'zh-CN': '可预约时间设置有误：{problems}',
    'en-US': 'The availability does not add up: {problems}',
  },
  [ErrorCode.ClosureExists]: {
    'zh-CN': '{date} 已设置为闭馆日',
    'en-US': 'The center is already closed on {date}',
  },
  [ErrorCode.AdvisorExists]: {
    'zh-CN': '编号为 {id} 的老师已存在',
    'en-US': 'An advisor with id {id} already exists',
  },
  [ErrorCode.MiniProgramCodeUnavailable]: {
    'zh-CN': '暂时无法生成小程序码，请稍后再试',
    'en-US': 'The mini-program code cannot be made right now; try again later',
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
  [ErrorCode.JobNotEditable]: {
    'zh-CN': '岗位已关闭，不能再修改',
    'en-US': 'This posting is closed and can no longer be edited',
  },
  [ErrorCode.JobNotPublishable]: {
    'zh-CN': '岗位已关闭，不能再发布',
    'en-US': 'This posting is closed and cannot be published',
  },
  [ErrorCode.JobDeadlinePassed]: {
    'zh-CN': '截止时间已过，请先修改截止时间',
    'en-US': 'The deadline has passed; change it first',
  },
  [ErrorCode.JobNotOpen]: {
    'zh-CN': '该岗位已截止或已关闭',
    'en-US': 'This posting is closed',
  },
  [ErrorCode.SubmissionAlreadyReviewed]: {
    'zh-CN': '该投稿已审核过',
    'en-US': 'This submission has already been reviewed',
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
  isDeadline: {
    'zh-CN': '必须是日期（如 2026-12-31）或带时区的日期时间',
    'en-US': 'must be a date such as 2026-12-31 or a date-time with an offset',
  },
  isCalendarDate: {
    'zh-CN': '必须是 {min} 至 {max} 年之间的日期（如 2026-12-31）',
    'en-US': 'must be a date YYYY-MM-DD from year {min} to {max}',
  },
  isDateTimeInRange: {
    'zh-CN': '必须是 {min} 至 {max} 年之间的日期时间',
    'en-US': 'must be an ISO 8601 date-time from year {min} to {max}',
  },
  isNotBeforeFrom: { 'zh-CN': '不能早于开始日期', 'en-US': 'must not be before from' },
  bodyMaxDepth: { 'zh-CN': '嵌套不能超过 {n} 层', 'en-US': 'must not nest deeper than {n} levels' },
  bodyMaxArrayLength: { 'zh-CN': '列表最多 {n} 项', 'en-US': 'must be a list of at most {n} items' },
  bodyMaxItems: { 'zh-CN': '总共最多 {n} 个值', 'en-US': 'must hold at most {n} values in all' },
  bodyMaxStringLength: { 'zh-CN': '文本最多 {n} 个字符', 'en-US': 'must be text of at most {n} characters' },
  bodyTooLarge: { 'zh-CN': '超过此接口允许的大小', 'en-US': 'is larger than this route accepts' },
  deadlinePassed: { 'zh-CN': '必须晚于现在', 'en-US': 'must be in the future' },
  salaryRange: { 'zh-CN': '不能低于月薪下限', 'en-US': 'must not be below salaryMin' },
  applyTargetMissing: {
    'zh-CN': '请填写与投递方式对应的链接、邮箱或现场地址',
    'en-US': 'is needed for the apply method',
  },
  contactMissing: { 'zh-CN': '请至少填写电话或邮箱', 'en-US': 'or contactEmail is needed' },
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

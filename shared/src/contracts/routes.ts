/** Route paths under the `/api` prefix, shared by the server's controllers and the mini-program's API client. */
export const API_PREFIX = 'api';

export const ApiRoute = {
  health: 'health',
  meta: 'meta',
  auth: {
    wechat: 'auth/wechat',
    devLogin: 'auth/dev-login',
    logout: 'auth/logout',
  },
  me: {
    root: 'me',
    profile: 'me/profile',
    notifications: 'me/notifications',
    notificationsUnreadCount: 'me/notifications/unread-count',
    notificationRead: 'me/notifications/:id/read',
    notificationsReadAll: 'me/notifications/read-all',
    subscriptions: 'me/subscriptions',
  },
  admin: {
    users: 'admin/users',
    user: 'admin/users/:id',
    notificationStats: 'admin/notifications/stats',
    notificationDeliveries: 'admin/notifications/deliveries',
    notificationDeliveryRetry: 'admin/notifications/deliveries/:id/retry',
    notificationDeliveriesRetry: 'admin/notifications/deliveries/retry',
    announcements: 'admin/notifications/announcements',
  },
  booking: {
    advisors: 'advisors',
    advisor: 'advisors/:id',
    advisorSlots: 'advisors/:id/slots',
    advisorRules: 'advisors/:id/rules',
    advisorExceptions: 'advisors/:id/exceptions',
    advisorException: 'advisors/:id/exceptions/:exceptionId',
    advisorQrCode: 'advisors/:id/qrcode',
    advisorMiniProgramCode: 'advisors/:id/mini-program-code',
    advisorPoster: 'advisors/:id/poster',
    centerQrCode: 'center/qrcode',
    centerMiniProgramCode: 'center/mini-program-code',
    closures: 'closures',
    closure: 'closures/:id',
    appointments: 'appointments',
    appointment: 'appointments/:id',
    appointmentCancel: 'appointments/:id/cancel',
    appointmentReschedule: 'appointments/:id/reschedule',
    appointmentFeedback: 'appointments/:id/feedback',
    myAppointments: 'me/appointments',
    myBookingStatus: 'me/booking-status',
    myWaitlist: 'me/waitlist',
    slotWaitlist: 'slots/:id/waitlist',
    waitlistAccept: 'waitlist/:id/accept',
    waitlistDecline: 'waitlist/:id/decline',
    waitlistLeave: 'waitlist/:id/leave',
    checkIns: 'check-ins',
    attendance: 'counselor/appointments/:id/attendance',
  },
} as const;

/** Builds a path from a template such as `advisors/:id/slots`. */
export function routePath(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing route parameter "${name}" for ${template}`);
    return encodeURIComponent(String(value));
  });
}

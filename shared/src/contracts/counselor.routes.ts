/**
 * Routes of the counselor workspace (issue 5), under the `/api` prefix. The attendance route stays in
 * ApiRoute.booking (`counselor/appointments/:id/attendance`), where booking defined it.
 */
export const CounselorRoute = {
  schedule: 'counselor/schedule',
  week: 'counselor/week',
  appointment: 'counselor/appointments/:id',
  arrival: 'counselor/appointments/:id/arrival',
  notes: 'counselor/appointments/:id/notes',
  timeOff: 'counselor/time-off',
  extraHours: 'counselor/extra-hours',
  calendarFeed: 'counselor/calendar-feed',
  calendarFeedRotate: 'counselor/calendar-feed/rotate',
  /** Public: the secret token is the credential. */
  calendarFeedIcs: 'calendar/counselors/:token',
  inviteAccept: 'counselor/invites/accept',
  supervision: 'counselor/supervision',
  supervisedNotes: 'counselor/supervision/notes',
  admin: {
    invites: 'admin/counselor-invites',
    supervisors: 'admin/counselor-supervisors',
    supervisor: 'admin/counselor-supervisors/:id',
    noteAccessLog: 'admin/counselor-notes/access-log',
    stats: 'admin/counselors/stats',
  },
} as const;

/** Page paths. Tab pages live in the main package; everything else in a subpackage (see app.config.ts). */
export const TabRoute = {
  home: '/pages/home/index',
  booking: '/pages/booking/index',
  jobs: '/pages/jobs/index',
  museum: '/pages/museum/index',
  me: '/pages/me/index',
} as const;
export type TabRoute = (typeof TabRoute)[keyof typeof TabRoute];

export const PageRoute = {
  login: '/subpackages/auth/pages/login/index',
  profileEdit: '/subpackages/profile/pages/edit/index',
  language: '/subpackages/settings/pages/language/index',
  about: '/subpackages/settings/pages/about/index',
  inbox: '/subpackages/notifications/pages/inbox/index',
  subscriptions: '/subpackages/notifications/pages/subscriptions/index',
  deliveries: '/subpackages/notifications/pages/deliveries/index',
  advisor: '/subpackages/booking/pages/advisor/index',
  book: '/subpackages/booking/pages/book/index',
  bookingConfirmation: '/subpackages/booking/pages/confirmation/index',
  myAppointments: '/subpackages/booking/pages/appointments/index',
  checkIn: '/subpackages/booking/pages/checkin/index',
  feedback: '/subpackages/booking/pages/feedback/index',
  scan: '/subpackages/booking/pages/scan/index',
  staffAdvisors: '/subpackages/staff/pages/advisors/index',
  staffAdvisor: '/subpackages/staff/pages/advisor/index',
  staffClosures: '/subpackages/staff/pages/closures/index',
  staffCounselors: '/subpackages/staff/pages/counselors/index',
  counselorToday: '/subpackages/counselor/pages/today/index',
  counselorAppointment: '/subpackages/counselor/pages/appointment/index',
  counselorAvailability: '/subpackages/counselor/pages/availability/index',
  counselorCalendar: '/subpackages/counselor/pages/calendar/index',
  counselorJoin: '/subpackages/counselor/pages/join/index',
  counselorSupervision: '/subpackages/counselor/pages/supervision/index',
  museumHall: '/subpackages/museum/pages/hall/index',
  museumExhibit: '/subpackages/museum/pages/exhibit/index',
  museumSearch: '/subpackages/museum/pages/search/index',
  museumFavourites: '/subpackages/museum/pages/favourites/index',
  reflectionRooms: '/subpackages/museum/pages/reflection/index',
  reflectionRoom: '/subpackages/museum/pages/reflection-room/index',
  staffMuseumHalls: '/subpackages/staff-museum/pages/halls/index',
  staffMuseumHall: '/subpackages/staff-museum/pages/hall/index',
  staffMuseumExhibit: '/subpackages/staff-museum/pages/exhibit/index',
  jobDetail: '/subpackages/jobs/pages/detail/index',
  jobAlerts: '/subpackages/jobs/pages/alerts/index',
  savedJobs: '/subpackages/jobs/pages/saved/index',
  jobMatches: '/subpackages/jobs/pages/matches/index',
  staffJobs: '/subpackages/staff-jobs/pages/list/index',
  staffJobEditor: '/subpackages/staff-jobs/pages/editor/index',
  staffJobReview: '/subpackages/staff-jobs/pages/review/index',
  staffJobImport: '/subpackages/staff-jobs/pages/import/index',
  employerSubmit: '/subpackages/employer/pages/submit/index',
  employerStatus: '/subpackages/employer/pages/status/index',
} as const;

/** Tab order as in app.config.ts `tabBar.list`; setTabBarItem addresses tabs by this index. */
export const TAB_ORDER = [
  'home',
  'booking',
  'jobs',
  'museum',
  'me',
] as const satisfies readonly (keyof typeof TabRoute)[];

export function isTabRoute(path: string): boolean {
  const bare = `/${path.split('?')[0].replace(/^\/+/, '')}`;
  return Object.values(TabRoute).some((route) => route === bare);
}

export function withQuery(path: string, query: Record<string, string | undefined>): string {
  const pairs = Object.entries(query)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`);
  return pairs.length ? `${path}?${pairs.join('&')}` : path;
}

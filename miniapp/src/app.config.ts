import { zhCN } from './i18n/zh-CN';

// Static titles and tab labels are the Chinese defaults; the app re-labels them at run time when the
// user picks English (see features/navigation).
export default defineAppConfig({
  pages: [
    'pages/home/index',
    'pages/booking/index',
    'pages/jobs/index',
    'pages/museum/index',
    'pages/me/index',
  ],
  subPackages: [
    { root: 'subpackages/auth', pages: ['pages/login/index'] },
    { root: 'subpackages/profile', pages: ['pages/edit/index'] },
    { root: 'subpackages/settings', pages: ['pages/language/index', 'pages/about/index'] },
    {
      root: 'subpackages/notifications',
      pages: ['pages/inbox/index', 'pages/subscriptions/index', 'pages/deliveries/index'],
    },
    {
      root: 'subpackages/booking',
      pages: [
        'pages/advisor/index',
        'pages/book/index',
        'pages/confirmation/index',
        'pages/appointments/index',
        'pages/checkin/index',
        'pages/feedback/index',
        'pages/scan/index',
      ],
    },
    {
      root: 'subpackages/staff',
      pages: [
        'pages/advisors/index',
        'pages/advisor/index',
        'pages/closures/index',
        'pages/counselors/index',
      ],
    },
    {
      root: 'subpackages/counselor',
      pages: [
        'pages/today/index',
        'pages/appointment/index',
        'pages/availability/index',
        'pages/calendar/index',
        'pages/join/index',
        'pages/supervision/index',
      ],
    },
    {
      root: 'subpackages/museum',
      pages: [
        'pages/hall/index',
        'pages/exhibit/index',
        'pages/search/index',
        'pages/favourites/index',
        'pages/reflection/index',
        'pages/reflection-room/index',
      ],
    },
    {
      root: 'subpackages/staff-museum',
      pages: ['pages/halls/index', 'pages/hall/index', 'pages/exhibit/index'],
    },
    {
      root: 'subpackages/jobs',
      pages: ['pages/detail/index', 'pages/alerts/index', 'pages/saved/index', 'pages/matches/index'],
    },
    {
      root: 'subpackages/staff-jobs',
      pages: ['pages/list/index', 'pages/editor/index', 'pages/review/index', 'pages/import/index'],
    },
    { root: 'subpackages/employer', pages: ['pages/submit/index', 'pages/status/index'] },
  ],
  // The museum's audio guide keeps playing when the student leaves the app for a moment.
  requiredBackgroundModes: ['audio'],
  // WeChat injects only the components a page uses at start-up (its code-quality check asks for this).
  lazyCodeLoading: 'requiredComponents',
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f3f5f9',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: zhCN.app.name,
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#8a94a6',
    selectedColor: '#1f4e96',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      {
        pagePath: 'pages/home/index',
        text: zhCN.tabs.home,
        iconPath: 'assets/icons/tab-home.png',
        selectedIconPath: 'assets/icons/tab-home-active.png',
      },
      {
        pagePath: 'pages/booking/index',
        text: zhCN.tabs.booking,
        iconPath: 'assets/icons/tab-booking.png',
        selectedIconPath: 'assets/icons/tab-booking-active.png',
      },
      {
        pagePath: 'pages/jobs/index',
        text: zhCN.tabs.jobs,
        iconPath: 'assets/icons/tab-jobs.png',
        selectedIconPath: 'assets/icons/tab-jobs-active.png',
      },
      {
        pagePath: 'pages/museum/index',
        text: zhCN.tabs.museum,
        iconPath: 'assets/icons/tab-museum.png',
        selectedIconPath: 'assets/icons/tab-museum-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: zhCN.tabs.me,
        iconPath: 'assets/icons/tab-me.png',
        selectedIconPath: 'assets/icons/tab-me-active.png',
      },
    ],
  },
});

/**
 * Routes of the job board, job alerts and employer submissions, under the `/api` prefix.
 * Kept beside ApiRoute rather than inside it so features that land in parallel do not edit one object.
 */
export const JobsRoute = {
  list: 'jobs',
  detail: 'jobs/:id',
  save: 'jobs/:id/save',
  applied: 'jobs/:id/applied',
  alertOpened: 'jobs/:id/alert-opened',
  myMarks: 'me/job-marks',
  mySaved: 'me/saved-jobs',
  myApplied: 'me/applied-jobs',
  myMatches: 'me/job-matches',
  myAlerts: 'me/job-alerts',
  admin: {
    jobs: 'admin/jobs',
    job: 'admin/jobs/:id',
    publish: 'admin/jobs/:id/publish',
    close: 'admin/jobs/:id/close',
    stats: 'admin/jobs/:id/stats',
    import: 'admin/jobs/import',
    submissions: 'admin/job-submissions',
    submission: 'admin/job-submissions/:id',
    approve: 'admin/job-submissions/:id/approve',
    decline: 'admin/job-submissions/:id/decline',
  },
  employer: {
    submissions: 'employer/job-submissions',
    submission: 'employer/job-submissions/:token',
  },
} as const;

/** Mini-program pages the server links to (notification taps, the employer's status link), without a leading slash. */
export const JobsPage = {
  detail: 'subpackages/jobs/pages/detail/index',
  matches: 'subpackages/jobs/pages/matches/index',
  employerStatus: 'subpackages/employer/pages/status/index',
} as const;

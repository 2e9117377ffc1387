/** Mini-program pages of the counselor workspace, as notifications name them (no leading slash). */
export const COUNSELOR_PAGES = {
  today: (date: string) => `subpackages/counselor/pages/today/index?date=${date}`,
  rebook: (advisorId: string) => `subpackages/booking/pages/advisor/index?id=${advisorId}`,
} as const;

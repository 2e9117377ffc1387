import { useEffect } from 'react';
import { Role } from '@careerside/shared';
import { useSession } from '@/features/auth/session.store';
import { jobsApi } from '@/services/api/jobs.api';
import { createStore, useStore } from '@/utils/store';

export interface JobMarks {
  saved: ReadonlySet<string>;
  applied: ReadonlySet<string>;
  /** Whose marks these are; null before they are loaded. */
  userId: string | null;
}

const marksStore = createStore<JobMarks>({ saved: new Set(), applied: new Set(), userId: null });
let loading: Promise<void> | null = null;

function load(userId: string): Promise<void> {
  loading ??= jobsApi
    .marks()
    .then((marks) => marksStore.set({ saved: new Set(marks.saved), applied: new Set(marks.applied), userId }))
    .catch(() => undefined)
    .finally(() => {
      loading = null;
    });
  return loading;
}

/**
 * A signed-in student's saved and applied postings, shared by the list and the detail page so a star set on
 * one shows on the other. Loaded once per user; each change goes to the server first and then shows here.
 */
export function useJobMarks() {
  const { user } = useSession();
  const marks = useStore(marksStore);
  const studentId = user?.role === Role.Student ? user.id : null;

  useEffect(() => {
    if (!studentId) marksStore.set({ saved: new Set(), applied: new Set(), userId: null });
    else if (marksStore.get().userId !== studentId) void load(studentId);
  }, [studentId]);

  const toggle = async (jobId: string, kind: 'saved' | 'applied'): Promise<boolean> => {
    const on = !marks[kind].has(jobId);
    const answer = await jobsApi.mark(jobId, kind === 'saved' ? 'save' : 'applied', on);
    marksStore.set((current) => {
      const next = {
        saved: new Set(current.saved),
        applied: new Set(current.applied),
        userId: current.userId,
      };
      for (const [key, at] of [
        ['saved', answer.savedAt],
        ['applied', answer.appliedAt],
      ] as const) {
        if (at) next[key].add(jobId);
        else next[key].delete(jobId);
      }
      return next;
    });
    return on;
  };

  return { saved: marks.saved, applied: marks.applied, canMark: studentId !== null, toggle };
}

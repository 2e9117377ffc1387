import Taro from '@tarojs/taro';
import type { AttendanceStatus } from '@careerside/shared';
import type { Messages } from '@/i18n';
import { describeError } from '@/features/errors/describe-error';
import { counselorApi } from '@/services/api/counselor.api';

/** Arrival, no-show (confirmed first: it is a strike for the student) and completion; true when it went through. */
export async function recordAttendance(
  t: Messages,
  appointmentId: string,
  action: 'arrived' | AttendanceStatus,
): Promise<boolean> {
  if (action === 'no_show') {
    const { confirm } = await Taro.showModal({
      title: t.counselor.noShowConfirmTitle,
      content: t.counselor.noShowConfirmBody,
      confirmText: t.counselor.markNoShow,
      cancelText: t.common.cancel,
      confirmColor: '#c53030',
    });
    if (!confirm) return false;
  }
  try {
    if (action === 'arrived') await counselorApi.arrived(appointmentId);
    else await counselorApi.attendance(appointmentId, { status: action });
    await Taro.showToast({ title: t.counselor.marked, icon: 'success' });
    return true;
  } catch (error) {
    await Taro.showToast({ title: describeError(error, t), icon: 'none', duration: 2500 });
    return false;
  }
}

import Taro from '@tarojs/taro';

export const nativeShare = true;

// The share button uses open-type="share" on weapp; copying keeps the page path for completeness.
export async function copyPageLink(path: string): Promise<void> {
  await Taro.setClipboardData({ data: path });
}

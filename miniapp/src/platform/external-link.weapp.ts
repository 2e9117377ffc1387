import Taro from '@tarojs/taro';

// A mini-program opens only pages on its registered business domains; an employer's site is not one, so
// the student gets the address to paste into a browser.
export async function openExternalLink(url: string): Promise<'opened' | 'copied'> {
  await Taro.setClipboardData({ data: url });
  return 'copied';
}

import Taro from '@tarojs/taro';
import { SUBSCRIBE_RESULTS, type SubscribeResult } from '@careerside/shared';

// Must run inside a tap handler: WeChat shows the consent sheet only in answer to a user gesture.
export async function askTemplateConsent(
  templateIds: string[],
): Promise<Record<string, SubscribeResult> | null> {
  const answer = (await Taro.requestSubscribeMessage({
    tmplIds: templateIds,
    entityIds: [],
  })) as unknown as Record<string, string>;
  const results: Record<string, SubscribeResult> = {};
  for (const id of templateIds) {
    const value = answer[id];
    if ((SUBSCRIBE_RESULTS as readonly string[]).includes(value)) results[id] = value as SubscribeResult;
  }
  return results;
}

import Taro from '@tarojs/taro';

// A mini-program reaches files through chats: staff send the CSV to themselves (or to the File Transfer
// assistant) and pick it here.
export async function chooseTextFile(): Promise<{ name: string; text: string } | null> {
  let chosen: Taro.chooseMessageFile.SuccessCallbackResult;
  try {
    chosen = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'txt'] });
  } catch {
    return null;
  }
  const file = chosen.tempFiles[0];
  if (!file) return null;
  const text = Taro.getFileSystemManager().readFileSync(file.path, 'utf8');
  return { name: file.name, text: typeof text === 'string' ? text : new TextDecoder('utf-8').decode(text) };
}

// Taro picks login.<TARO_ENV>.ts at build time; this declaration is what TypeScript sees.
import type { PlatformLogin } from './login.types';

export declare const platformLogin: PlatformLogin;

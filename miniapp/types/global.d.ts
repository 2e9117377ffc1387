/// <reference types="@tarojs/taro" />

declare module '*.png' {
  const src: string;
  export default src;
}
declare module '*.svg' {
  const src: string;
  export default src;
}
declare module '*.scss';
declare module '*.css';

/** The package version, defined at build time (config/index.ts). */
declare const APP_VERSION: string;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production';
    TARO_ENV: 'weapp' | 'h5';
    /** The mini-program appid of this build (see project.config.json). */
    TARO_APP_ID?: string;
    /** API base URL including the `/api` prefix; empty means the platform default. */
    TARO_APP_API_BASE?: string;
  }
}

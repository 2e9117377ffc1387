import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import { version } from '../package.json';
import devConfig from './dev';
import prodConfig from './prod';

// NutUI is drawn for a 375 px design; our own styles use the 750 px WeChat convention.
function designWidth(input?: string | number | { file?: string }): number {
  const file = typeof input === 'object' ? input.file : undefined;
  return file?.replace(/\\+/g, '/').includes('/@nutui/') ? 375 : 750;
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'careerside',
    date: '2026-11-26',
    designWidth,
    deviceRatio: {
      375: 2,
      640: 2.34 / 2,
      750: 1,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    plugins: [],
    defineConstants: { APP_VERSION: JSON.stringify(version) },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: true },
    mini: {
      // Every stylesheet is scoped by its own BEM classes, so the order in which pages pull shared CSS into
      // the common chunk changes nothing; without this the build prints "Conflicting order" warnings.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      // `pnpm dev:h5` serves the app on its own port; API calls go to a running server (npm start).
      devServer: {
        proxy: {
          '/api': { target: process.env.API_PROXY_TARGET ?? 'http://127.0.0.1:3000', changeOrigin: true },
        },
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      // Taro splits only initial chunks on H5, so every lazily loaded page carried its own copy of NutUI and
      // the shared components; one chunk for what two or more pages share loads it once.
      webpackChain(chain) {
        chain.merge({
          optimization: {
            splitChunks: {
              cacheGroups: {
                pagesShared: {
                  chunks: 'async',
                  minChunks: 2,
                  minSize: 10_000,
                  priority: 5,
                  reuseExistingChunk: true,
                },
              },
            },
          },
        });
      },
    },
  };

  return process.env.NODE_ENV === 'development'
    ? merge({}, baseConfig, devConfig)
    : merge({}, baseConfig, prodConfig);
});

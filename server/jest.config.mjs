import { transformIgnorePatternForCommonJs } from './test/setup/esm-only-packages.mjs';

const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)s$': swc },
  transformIgnorePatterns: [transformIgnorePatternForCommonJs()],
  moduleNameMapper: { '^@careerside/shared$': '<rootDir>/../shared/src/index.ts' },
};

export default {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
    },
  ],
  // e2e files boot the app and migrate a fresh database (a new MySQL database each) in their hooks, and the demo
  // seed renders images. On a busy 2-core machine that took over 30 s; the timeout only guards against hangs.
  testTimeout: 120_000,
};

// Lets a plain `node` child process run the server's TypeScript sources as Jest does (SWC to CommonJS, the
// shared package from source), so multi-process tests need no build: node -r ./test/support/swc-register.cjs src/main.ts
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { resolve } = require('node:path');
const { transformSync } = require('@swc/core');

const SHARED = resolve(__dirname, '..', '..', '..', 'shared', 'src', 'index.ts');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === '@careerside/shared') return SHARED;
  return resolveFilename.call(this, request, ...rest);
};

require.extensions['.ts'] = function compile(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};

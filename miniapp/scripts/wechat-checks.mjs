// WeChat's own checks of the built package (dist/weapp), offline, through Tencent's `miniprogram-ci` (the CI
// module extracted from WeChat DevTools):
//   1. checkCodeQuality: the DevTools 代码质量 panel (compression of JS/WXML/WXSS, lazy code loading, package
//      sizes, unused files …). Every item must pass; KNOWN_EXCEPTIONS names any that may not, with the reason.
//   2. getCompiledResult: compiles the package as DevTools would before an upload (WXML/WXSS/JSON/JS checks).
// It needs no network: the project attributes that miniprogram-ci would fetch from WeChat are answered locally
// with its own defaults, a throw-away RSA key stands in for the upload key (nothing is uploaded), and its HTTP
// proxy points at a closed local port so that any request it still tries fails at once instead of leaving.
// Run after `build:weapp`: node miniapp/scripts/wechat-checks.mjs
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const miniappDir = join(here, '..');
const require = createRequire(import.meta.url);

/** Quality items allowed to fail, by name, each with why. Empty: every item passes. */
const KNOWN_EXCEPTIONS = new Map();

process.env.NO_PROXY = '';
process.env.no_proxy = '';
const ci = require('miniprogram-ci');
ci.proxy('http://127.0.0.1:9');

const scratch = mkdtempSync(join(tmpdir(), 'careerside-wechat-ci-'));
const keyPath = join(scratch, 'private.key');
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
writeFileSync(keyPath, privateKey.export({ type: 'pkcs1', format: 'pem' }));

function newProject() {
  const project = new ci.Project({
    appid: 'touristappid',
    type: 'miniProgram',
    projectPath: miniappDir,
    privateKeyPath: keyPath,
    ignores: ['node_modules/**/*'],
  });
  // What WeChat's servers would answer for this appid; DefaultProjectAttr is miniprogram-ci's own default.
  project.attr = async () => structuredClone(ci.DefaultProjectAttr);
  return project;
}

let failed = 0;
try {
  const items = await ci.checkCodeQuality(newProject());
  console.log('WeChat code quality (checkCodeQuality):');
  for (const item of items) {
    const name = item.name ?? item.key ?? JSON.stringify(item);
    const passed = item.success ?? item.passed ?? item.result;
    const exception = KNOWN_EXCEPTIONS.get(name);
    const status = passed ? 'ok  ' : exception ? 'skip' : 'FAIL';
    if (!passed && !exception) failed += 1;
    console.log(`  ${status} ${name}${exception ? ` (known exception: ${exception})` : ''}`);
    if (!passed && item.detail) console.log(`       ${JSON.stringify(item.detail).slice(0, 400)}`);
  }
  if (items.length === 0) {
    console.log('  FAIL no quality items were returned');
    failed += 1;
  }

  const output = join(scratch, 'compiled');
  const files = await ci.getCompiledResult(
    {
      project: newProject(),
      version: '0.0.0',
      // project.config.json's settings, but for WXSS minification: miniprogram-ci's compiler subprocess then
      // imports csso 5, which under pnpm resolves a css-tree without its `parse` export and throws before
      // compiling anything. The WXSS is still parsed and compiled here; Taro's build has already minified it,
      // and the quality check above confirms WXSS compression is on for DevTools and the upload.
      setting: { es6: false, es7: false, minify: true, minifyJS: true, minifyWXML: true, minifyWXSS: false },
    },
    output,
  );
  const count = Object.keys(files).length;
  console.log(`WeChat compile (getCompiledResult): ${count} files`);
  if (count === 0) {
    console.log('  FAIL the compiler produced no files');
    failed += 1;
  }
} catch (error) {
  failed += 1;
  console.error(`WeChat checks failed: ${error?.stack ?? error?.message ?? error}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (failed) {
  console.error(`${failed} WeChat check(s) failed`);
  process.exit(1);
}
console.log('WeChat checks: all passed');

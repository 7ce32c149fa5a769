// Lets a plain `node` child process run the repository's TypeScript (no build, no extra package):
// each .ts file is transpiled on require with the compiler already installed. Used by tests that
// must kill a real process half-way through its work. Run node with --conditions=sway-source so that
// `#shared/…` imports resolve to shared/*.ts rather than the compiled dist/shared (package.json "imports").
'use strict';
const fs = require('node:fs');
const ts = require('typescript');

const compilerOptions = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  esModuleInterop: true,
  sourceMap: false,
};

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), { compilerOptions, fileName: filename });
  module._compile(outputText, filename);
};

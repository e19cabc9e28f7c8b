// The extension's start-up, outside VS Code: `vscode` and the language client are stand-ins that
// record what the extension asks of them, and the client fails to start as vscode-languageclient
// 9 does when `nnc.path` names no program (it rejects with a string, not an Error).
const test = require('node:test');
const assert = require('node:assert');
const Module = require('node:module');

function loadExtension(startFailure) {
  const shown = [];
  let reported;
  const errorShown = new Promise((resolve) => { reported = resolve; });
  const vscode = {
    workspace: {
      getConfiguration: () => ({ get: (key, fallback) => (key === 'path' ? '/no/such/nnc' : fallback) }),
      onDidChangeConfiguration: () => ({ dispose() {} }),
    },
    window: {
      showErrorMessage: (message) => { shown.push(message); reported(message); },
      showInformationMessage: () => {},
    },
  };
  class LanguageClient {
    constructor(id, name, server) { this.server = server; }
    start() { return Promise.reject(startFailure(this.server)); }
    stop() { return Promise.resolve(); }
  }
  const fakes = { vscode, 'vscode-languageclient/node': { LanguageClient } };
  const load = Module._load;
  Module._load = function (request, ...rest) {
    return request in fakes ? fakes[request] : load.call(this, request, ...rest);
  };
  try {
    const path = require.resolve('../src/extension.js');
    delete require.cache[path];
    return { extension: require(path), shown, errorShown };
  } finally {
    Module._load = load;
  }
}

async function startWith(startFailure) {
  const { extension, errorShown } = loadExtension(startFailure);
  extension.activate({ subscriptions: [] });
  return errorShown;
}

test('a wrong nnc.path says which command failed and why, not "undefined"', async () => {
  const message = await startWith((server) =>
    `Launching server using command ${server.command} failed. Error: spawn ${server.command} ENOENT`);
  assert.strictEqual(message,
    'nnc: could not start `/no/such/nnc lsp` (set "nnc.path" to the nnc command): '
    + 'Launching server using command /no/such/nnc failed. Error: spawn /no/such/nnc ENOENT');
  assert.doesNotMatch(message, /undefined/);
});

test('a start-up failure thrown as an Error shows its message', async () => {
  const message = await startWith(() => new Error('Server initialization failed.'));
  assert.match(message, /: Server initialization failed\.$/);
});

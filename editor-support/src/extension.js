// Starts `nnc lsp` for .nn files; the setting `nnc.path` names the nnc command.
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const settings = vscode.workspace.getConfiguration('nnc');
  if (!settings.get('server.enabled', true)) {
    return;
  }
  const command = settings.get('path', 'nnc');
  const server = { command, args: ['lsp'] };
  client = new LanguageClient('nnc', 'nnc language server', server, {
    documentSelector: [{ language: 'nn' }],
  });
  client.start().catch((error) => {
    vscode.window.showErrorMessage(
      `nnc: could not start \`${command} lsp\` (set "nnc.path" to the nnc command): ${reason(error)}`);
  });
  context.subscriptions.push(vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('nnc')) {
      vscode.window.showInformationMessage('nnc: reload the window to use the new settings.');
    }
  }));
}

// vscode-languageclient rejects a failed start with a string ("Launching server using command nnc
// failed. Error: spawn nnc ENOENT"), other failures with an Error.
function reason(error) {
  return error instanceof Error ? error.message : String(error);
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };

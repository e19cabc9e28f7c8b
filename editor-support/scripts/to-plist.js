// Writes a TextMate grammar in JSON as the XML property list that Sublime Text and TextMate read:
// node scripts/to-plist.js syntaxes/nn.tmLanguage.json target/nn.tmLanguage
const fs = require('fs');
const path = require('path');

const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function value(v, indent) {
  const pad = '  '.repeat(indent);
  if (typeof v === 'string') {
    return `${pad}<string>${escape(v)}</string>\n`;
  }
  if (Array.isArray(v)) {
    return `${pad}<array>\n${v.map((item) => value(item, indent + 1)).join('')}${pad}</array>\n`;
  }
  if (typeof v === 'boolean') {
    return `${pad}<${v}/>\n`;
  }
  const entries = Object.entries(v)
    .filter(([key]) => key !== '$schema')
    .map(([key, item]) => `${pad}  <key>${escape(key)}</key>\n${value(item, indent + 1)}`);
  return `${pad}<dict>\n${entries.join('')}${pad}</dict>\n`;
}

const [from, to] = process.argv.slice(2);
const grammar = JSON.parse(fs.readFileSync(from, 'utf8'));
fs.mkdirSync(path.dirname(to), { recursive: true });
fs.writeFileSync(to, '<?xml version="1.0" encoding="UTF-8"?>\n'
  + '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
  + `<plist version="1.0">\n${value(grammar, 0)}</plist>\n`);

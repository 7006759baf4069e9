// A real SMTP server on loopback for Rapport's tests. It accepts mail and writes each message to --dir as
// <n>.eml (the bytes exactly as received after DATA) and one JSON line in envelopes.jsonl:
// {"file":"1.eml","from":"…","to":["…"],"user":"…"|null}.
//
//   node sink.js --port 2525 --dir /tmp/mail [--user u --password p] [--key key.pem --cert cert.pem] [--implicit-tls]
//
// --user/--password: AUTH (PLAIN, LOGIN) is required and must match. --key/--cert: STARTTLS with that
// certificate (or implicit TLS with --implicit-tls). Recipients whose local part starts with "reject" are
// refused with 550, those starting with "busy" with 451. Prints "listening <port>" once it accepts connections.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { SMTPServer } = require('smtp-server');

function argument(name) {
  const at = process.argv.indexOf('--' + name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

const port = Number(argument('port'));
const dir = argument('dir');
const user = argument('user');
const password = argument('password');
const key = argument('key');
const cert = argument('cert');
const implicitTls = process.argv.includes('--implicit-tls');
if (!port || !dir) {
  console.error('usage: node sink.js --port N --dir DIR [--user U --password P] [--key K --cert C] [--implicit-tls]');
  process.exit(2);
}
fs.mkdirSync(dir, { recursive: true });
let count = fs.readdirSync(dir).filter((f) => f.endsWith('.eml')).length;

const tls = key && cert ? { key: fs.readFileSync(key), cert: fs.readFileSync(cert) } : {};
const server = new SMTPServer({
  ...tls,
  secure: Boolean(implicitTls && key),
  name: 'sink.rapport.test',
  disabledCommands: key ? [] : ['STARTTLS'],
  authOptional: !user,
  allowInsecureAuth: true,
  disableReverseLookup: true,
  onAuth(auth, session, callback) {
    if (user && auth.username === user && auth.password === password) return callback(null, { user: auth.username });
    const error = new Error('Authentication credentials invalid');
    error.responseCode = 535;
    return callback(error);
  },
  onRcptTo(address, session, callback) {
    const local = address.address.split('@')[0].toLowerCase();
    const refuse = (code, text) => {
      const error = new Error(text);
      error.responseCode = code;
      callback(error);
    };
    if (local.startsWith('reject')) return refuse(550, '5.1.1 No such user here');
    if (local.startsWith('busy')) return refuse(451, '4.3.0 Try again later');
    return callback();
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      count += 1;
      const file = `${count}.eml`;
      fs.writeFileSync(path.join(dir, file), Buffer.concat(chunks));
      const envelope = {
        file,
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((r) => r.address),
        user: session.user || null,
        secure: Boolean(session.secure),
      };
      fs.appendFileSync(path.join(dir, 'envelopes.jsonl'), JSON.stringify(envelope) + '\n');
      callback(null, 'Queued as ' + file);
    });
  },
});
server.on('error', (error) => console.error('sink error:', error.message));
server.listen(port, '127.0.0.1', () => console.log('listening ' + port));

const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// The test process owns the sink: when its stdin closes (the test run ended or crashed), the sink ends too.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();

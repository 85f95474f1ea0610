// A real SMTP server for the mail tests (the npm package smtp-server):
// accepts every message and saves it as one file per recipient in the
// directory given, written to a temporary name then renamed, so a test never
// reads half a mail. Prints "listening PORT" once ready.
//
// node smtp_sink.js DIR PORT   (PORT 0: any free port)
'use strict';
const fs = require('fs');
const path = require('path');
const { SMTPServer } = require('smtp-server');

const [dir, port] = process.argv.slice(2);
let count = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      for (const rcpt of session.envelope.rcptTo) {
        count += 1;
        const name = `${Date.now()}-${process.pid}-${count}.eml`;
        const temp = path.join(dir, `.${name}.tmp`);
        fs.writeFileSync(temp, `X-Envelope-To: ${rcpt.address}\r\n${body}`);
        fs.renameSync(temp, path.join(dir, name));
      }
      callback();
    });
  },
});
server.listen(Number(port), '127.0.0.1', () => {
  console.log(`listening ${server.server.address().port}`);
});

// A small SMSC for tests, built on the npm `smpp` package in server mode.
//
//   node smsc.js PORT SCENARIO.json
//
// Accepts binds (checking system_id/password when the scenario gives them), then delivers
// the scenario's messages one at a time (window 1). A message answered with a non-zero
// deliver_sm_resp status is delivered again after `redeliver_ms`, as real SMSCs do.
// Buffers are given in the scenario as `<field>_hex`. Every event is printed as one JSON
// line on stdout. Listens on 127.0.0.1 only and exits after `lifetime_ms`.
'use strict';
const fs = require('fs');
const smpp = require('smpp');

const port = parseInt(process.argv[2], 10);
const scenario = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
smpp.addTLV('vendor_test_tlv', { id: 0x1401, type: smpp.types.tlv.buffer });

const log = (event) => process.stdout.write(JSON.stringify(event) + '\n');

function toPdu(message) {
  const out = {};
  for (const [key, value] of Object.entries(message)) {
    if (key.endsWith('_hex')) out[key.slice(0, -4)] = Buffer.from(value, 'hex');
    else out[key] = value;
  }
  return out;
}

let sessions = 0;
const server = smpp.createServer((session) => {
  const number = ++sessions;
  const onBind = (pdu) => {
    const creds = scenario.credentials;
    if (creds && (pdu.system_id !== creds.system_id || pdu.password !== creds.password)) {
      session.send(pdu.response({ command_status: smpp.ESME_RBINDFAIL }));
      log({ event: 'bind_refused', session: number });
      return;
    }
    session.send(pdu.response({ system_id: 'SIMSMSC' }));
    log({ event: 'bound', session: number, mode: pdu.command, system_id: pdu.system_id });
    if (scenario.drop_first && number === 1) {
      setTimeout(() => session.destroy(), 50);
      return;
    }
    const messages = (scenario.messages || []).map(toPdu);
    const send = (n, attempt) => {
      session.deliver_sm(messages[n], (resp) => {
        log({ event: 'resp', n, attempt, status: resp.command_status });
        if (resp.command_status !== 0 && attempt < (scenario.max_attempts || 50)) {
          setTimeout(() => send(n, attempt + 1), scenario.redeliver_ms || 300);
        } else if (n + 1 < messages.length) {
          send(n + 1, 1);
        } else {
          log({ event: 'done' });
        }
      });
    };
    if (messages.length) setTimeout(() => send(0, 1), 50);
    else log({ event: 'done' });
  };
  session.on('bind_receiver', onBind);
  session.on('bind_transceiver', onBind);
  session.on('enquire_link', (pdu) => {
    log({ event: 'enquire_link', session: number });
    session.send(pdu.response());
  });
  session.on('unbind', (pdu) => {
    log({ event: 'unbind', session: number });
    session.send(pdu.response());
    session.close();
  });
  session.on('close', () => log({ event: 'closed', session: number }));
  session.on('error', (e) => log({ event: 'error', message: e.message }));
});
server.listen(port, '127.0.0.1', () => log({ event: 'listening', port }));
setTimeout(() => process.exit(0), scenario.lifetime_ms || 60000);

// Generates the nodemailer corpus: real mail-software output for Rapport.Mime's tests.
// Regenerate with:  npm ci && npm run generate   (in this folder; Node 20+)
// Writes one <name>.eml per case and expected.json (what each must parse to); both are committed,
// so the tests never need Node. Boundaries are random, so a regeneration changes the bytes, not the meaning.
import MailComposer from 'nodemailer/lib/mail-composer';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';

const date = new Date('2024-03-01T10:15:30Z');
const from = { name: 'Ada Lovelace', address: 'ada@example.com' };
const to = [{ name: 'Support', address: 'support@rapport.test' }];

// Node can decode legacy charsets but not encode them: build reverse maps from its decoders.
// Node 20 decodes windows-1252 as Latin-1, so its 0x80–0x9F row is written out here.
const cp1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
function singleByteEncoder(label) {
  const decoder = new TextDecoder(label);
  const map = new Map();
  for (let b = 0; b < 256; b++) {
    const ch = label === 'windows-1252' && b >= 0x80 && b < 0xa0 ? cp1252[b - 0x80] : decoder.decode(Uint8Array.of(b));
    if (!map.has(ch)) map.set(ch, b);
  }
  return text => Buffer.from([...text].map(ch => { if (!map.has(ch)) throw new Error(`${label}: ${ch}`); return map.get(ch); }));
}
function iso2022jpEncoder() {
  const decoder = new TextDecoder('iso-2022-jp');
  const map = new Map();
  for (let a = 0x21; a <= 0x7e; a++)
    for (let b = 0x21; b <= 0x7e; b++) {
      const ch = decoder.decode(Uint8Array.of(0x1b, 0x24, 0x42, a, b, 0x1b, 0x28, 0x42));
      if (ch.length === 1 && !map.has(ch)) map.set(ch, [a, b]);
    }
  return text => {
    const out = [];
    let kanji = false;
    for (const ch of text) {
      const code = ch.codePointAt(0);
      if (code < 0x80) {
        if (kanji) { out.push(0x1b, 0x28, 0x42); kanji = false; }
        out.push(code);
      } else {
        if (!kanji) { out.push(0x1b, 0x24, 0x42); kanji = true; }
        if (!map.has(ch)) throw new Error(`iso-2022-jp: ${ch}`);
        out.push(...map.get(ch));
      }
    }
    if (kanji) out.push(0x1b, 0x28, 0x42);
    return Buffer.from(out);
  };
}
const encodedWord = (charset, bytes) => `=?${charset}?B?${bytes.toString('base64')}?=`;

function legacy(name, charset, encode, subject, body) {
  return {
    name,
    mail: {
      from, to, date, messageId: `<${name}@example.com>`,
      headers: { Subject: { prepared: true, value: encodedWord(charset, encode(subject)) } },
      alternatives: [{ contentType: `text/plain; charset=${charset}`, content: encode(body) }],
    },
    expected: { subject, text: body },
  };
}

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const binary = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 37 + 11) % 256));
const longName = 'Quarterly report for the customer service department including every appendix and annex — final version (approved) ' + 'x'.repeat(60) + '.pdf';

const inner = await new MailComposer({
  from: { name: 'Grace Hopper', address: 'grace@example.org' }, to, date,
  subject: 'The original question', messageId: '<original@example.org>', text: 'Where is my order?\n',
}).compile().build();

const calendar = [
  'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Rapport//Corpus//EN', 'METHOD:REQUEST', 'BEGIN:VEVENT',
  'UID:meeting-1@example.com', 'DTSTART:20240305T140000Z', 'DTEND:20240305T150000Z', 'SUMMARY:Onboarding call',
  'ORGANIZER:mailto:ada@example.com', 'ATTENDEE:mailto:support@rapport.test', 'END:VEVENT', 'END:VCALENDAR', '',
].join('\r\n');

const cases = [
  { name: 'plain', mail: { from, to, date, subject: 'Hello there', messageId: '<plain@example.com>', text: 'Just a plain message.\nSecond line.\n' },
    expected: { subject: 'Hello there', text: 'Just a plain message.\nSecond line.\n' } },
  { name: 'utf8', mail: { from: { name: 'Zoë Ærø — 支持', address: 'zoe@example.com' }, to, cc: [{ name: 'Jürgen Groß', address: 'juergen@example.de' }], date,
      subject: 'Grüße aus Köln — ça va? 😀 ' + 'Ein sehr langer Betreff, der gefaltet werden muss, weil er über achtundsiebzig Zeichen lang ist',
      messageId: '<utf8@example.com>', text: 'Größe: ½ — naïve café 😀\n' + 'Zeile '.repeat(40) + '\n' },
    expected: { subject: 'Grüße aus Köln — ça va? 😀 Ein sehr langer Betreff, der gefaltet werden muss, weil er über achtundsiebzig Zeichen lang ist',
      fromName: 'Zoë Ærø — 支持', text: 'Größe: ½ — naïve café 😀\n' + 'Zeile '.repeat(40) + '\n' } },
  legacy('latin1', 'iso-8859-1', singleByteEncoder('iso-8859-1'), 'Réunion à Zürich', 'Grüße, señor! Ça coûte 5 £.\n'),
  legacy('windows1252', 'windows-1252', singleByteEncoder('windows-1252'), '“Smart quotes” cost 5 €', 'It’s – really – “quoted” … €\n'),
  legacy('iso2022jp', 'iso-2022-jp', iso2022jpEncoder(), '会議の件について', 'お世話になっております。\n明日の会議は十時からです。\n'),
  legacy('koi8r', 'koi8-r', singleByteEncoder('koi8-r'), 'Привет из Москвы', 'Здравствуйте! Заказ номер 42 отправлен.\n'),
  { name: 'alternative', mail: { from, to, date, subject: 'Text and HTML', messageId: '<alternative@example.com>',
      text: 'Plain version\n', html: '<p>HTML <b>version</b></p>' },
    expected: { subject: 'Text and HTML', text: 'Plain version\n', html: '<p>HTML <b>version</b></p>' } },
  { name: 'related-inline-image', mail: { from, to, date, subject: 'Inline image', messageId: '<related@example.com>',
      text: 'See the logo.\n', html: '<p>See the logo: <img src="cid:logo@rapport"></p>',
      attachments: [{ filename: 'logo.png', content: png, cid: 'logo@rapport' }] },
    expected: { subject: 'Inline image', text: 'See the logo.\n', html: '<p>See the logo: <img src="cid:logo@rapport"></p>',
      attachments: [{ fileName: 'logo.png', contentType: 'image/png', contentId: 'logo@rapport', inline: true, content: png }] } },
  { name: 'attachments', mail: { from, to, date, subject: 'Files attached', messageId: '<attachments@example.com>', text: 'Two files.\n',
      attachments: [
        { filename: 'Rechnung März – Überweisung.bin', content: binary, contentType: 'application/octet-stream' },
        { filename: longName, content: Buffer.from('%PDF-1.4 fake'), contentType: 'application/pdf' },
        { filename: '報告書.txt', content: Buffer.from('日本語のテキスト\n'), contentType: 'text/plain; charset=utf-8' },
      ] },
    expected: { subject: 'Files attached', text: 'Two files.\n', attachments: [
      { fileName: 'Rechnung März – Überweisung.bin', contentType: 'application/octet-stream', inline: false, content: binary },
      { fileName: longName, contentType: 'application/pdf', inline: false, content: Buffer.from('%PDF-1.4 fake') },
      { fileName: '報告書.txt', contentType: 'text/plain', inline: false, content: Buffer.from('日本語のテキスト\n') },
    ] } },
  { name: 'forwarded-rfc822', mail: { from, to, date, subject: 'Fwd: The original question', messageId: '<forward@example.com>',
      text: 'See the message below.\n', attachments: [{ filename: 'original.eml', content: inner, contentType: 'message/rfc822' }] },
    expected: { subject: 'Fwd: The original question', text: 'See the message below.\n',
      attachments: [{ fileName: 'original.eml', contentType: 'message/rfc822', inline: true, content: inner,
        message: { subject: 'The original question', messageId: 'original@example.org', text: 'Where is my order?\n' } }] } },
  { name: 'calendar', mail: { from, to, date, subject: 'Invitation: Onboarding call', messageId: '<calendar@example.com>',
      text: 'You are invited.\n', icalEvent: { method: 'REQUEST', filename: 'invite.ics', content: calendar } },
    expected: { subject: 'Invitation: Onboarding call', text: 'You are invited.\n', calendar: true } },
  { name: 'reply-with-references', mail: { from, to, date, subject: 'Re: Order 42', messageId: '<reply@example.com>',
      inReplyTo: '<question@rapport.test>', references: ['<first@rapport.test>', '<question@rapport.test>'],
      headers: { 'Auto-Submitted': 'auto-replied', 'X-Rapport-Ticket': '42' }, text: 'Thanks, got it.\n' },
    expected: { subject: 'Re: Order 42', text: 'Thanks, got it.\n', inReplyTo: 'question@rapport.test',
      references: ['first@rapport.test', 'question@rapport.test'], headers: { 'Auto-Submitted': 'auto-replied', 'X-Rapport-Ticket': '42' } } },
];

const expected = {};
for (const { name, mail, expected: e } of cases) {
  const raw = await new MailComposer(mail).compile().build();
  writeFileSync(new URL(`./${name}.eml`, import.meta.url), raw);
  expected[name] = {
    ...e,
    messageId: mail.messageId.slice(1, -1),
    fromAddress: (mail.from.address),
    fromName: e.fromName ?? mail.from.name,
    to: mail.to.map(t => t.address),
    date: date.toISOString(),
    attachments: (e.attachments ?? []).map(a => ({ ...a, content: undefined, size: a.content.length,
      sha256: createHash('sha256').update(a.content).digest('hex') })),
  };
}
writeFileSync(new URL('./expected.json', import.meta.url), JSON.stringify(expected, null, 2) + '\n');
console.log(`wrote ${cases.length} messages`);

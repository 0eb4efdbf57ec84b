// Why: Anki files to import in tests, made the way Anki makes them: a newer
// .apkg (zstd-compressed schema-18 collection.anki21b beside a stub
// collection.anki2, with a media file), and zips that lie about their sizes.
import { zipSync, strToU8 } from 'fflate'
import { loadSqlJs } from '../../../src/main/services/anki/sql-wasm'

/** A zstd frame of raw (stored) blocks: valid zstd that any decoder reads, without needing a compressor. */
export function zstdStored(data: Uint8Array): Uint8Array {
  const BLOCK = 128 * 1024
  const parts: number[] = [0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x58] // magic; no checksum or size; window 2^21
  const out: Uint8Array[] = [new Uint8Array(parts)]
  for (let at = 0; at < data.length || at === 0; at += BLOCK) {
    const chunk = data.subarray(at, at + BLOCK)
    const last = at + BLOCK >= data.length ? 1 : 0
    const header = (chunk.length << 3) | (0 << 1) | last
    out.push(new Uint8Array([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff]), chunk)
    if (data.length === 0) break
  }
  const total = out.reduce((n, c) => n + c.length, 0)
  const bytes = new Uint8Array(total)
  let at = 0
  for (const c of out) {
    bytes.set(c, at)
    at += c.length
  }
  return bytes
}

/** A schema-18 collection: a Basic-and-reversed note type, a Cloze one (kind in its protobuf config), two sub-decks, three reviews. */
export async function schema18Collection(): Promise<Uint8Array> {
  const SQL = await loadSqlJs()
  const db = new SQL.Database()
  db.exec(`
    create table col (id integer primary key, crt integer, mod integer, scm integer, ver integer, dty integer, usn integer, ls integer, conf text, models text, decks text, dconf text, tags text);
    create table notetypes (id integer primary key, name text, mtime_secs integer, usn integer, config blob);
    create table templates (ntid integer, ord integer, name text, mtime_secs integer, usn integer, config blob);
    create table decks (id integer primary key, name text, mtime_secs integer, usn integer, common blob, kind blob);
    create table notes (id integer primary key, guid text, mid integer, mod integer, usn integer, tags text, flds text, sfld integer, csum integer, flags integer, data text);
    create table cards (id integer primary key, nid integer, did integer, ord integer, mod integer, usn integer, type integer, queue integer, due integer, ivl integer, factor integer, reps integer, lapses integer, left integer, odue integer, odid integer, flags integer, data text);
    create table revlog (id integer primary key, cid integer, usn integer, ease integer, ivl integer, lastIvl integer, factor integer, time integer, type integer);
    insert into col values (1, 0, 0, 0, 18, 0, 0, 0, '', '', '', '', '');
  `)
  db.run('insert into notetypes values (?,?,?,?,?)', [100, 'Basic (and reversed card)', 0, 0, new Uint8Array([0x1a, 0x02, 0x61, 0x62])])
  db.run('insert into notetypes values (?,?,?,?,?)', [200, 'Cloze', 0, 0, new Uint8Array([0x08, 0x01, 0x1a, 0x00])])
  db.run('insert into templates values (?,?,?,?,?,?)', [100, 0, 'Card 1', 0, 0, strToU8('\n\u0009{{Front}}')])
  db.run('insert into templates values (?,?,?,?,?,?)', [200, 0, 'Cloze', 0, 0, strToU8('\n\u000e{{cloze:Text}}')])
  db.run('insert into decks values (?,?,?,?,?,?)', [1, 'Default', 0, 0, new Uint8Array(), new Uint8Array()])
  db.run('insert into decks values (?,?,?,?,?,?)', [10, 'Polity\u001fParliament', 0, 0, new Uint8Array(), new Uint8Array()])
  db.run('insert into decks values (?,?,?,?,?,?)', [11, 'Polity\u001fJudiciary', 0, 0, new Uint8Array(), new Uint8Array()])
  const note = (id: number, guid: string, mid: number, tags: string, fields: string[]) =>
    db.run('insert into notes values (?,?,?,?,?,?,?,?,?,?,?)', [id, guid, mid, 0, 0, tags, fields.join('\u001f'), fields[0] ?? '', 0, 0, ''])
  const card = (id: number, nid: number, did: number, ord: number) =>
    db.run('insert into cards values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)', [id, nid, did, ord, 0, 0, 2, 2, 10, 5, 2500, 3, 0, 0, 0, 0, 0, ''])
  note(1, 'Ab#1x', 100, ' polity ', ['Who chairs the <b>Rajya Sabha</b>?', 'The Vice-President<br><img src="vp.jpg">'])
  card(11, 1, 10, 0)
  card(12, 1, 10, 1)
  note(2, 'Zq!9', 200, '', ['The {{c1::Supreme Court}} sits in {{c2::New Delhi::city}}.', 'Article 130'])
  card(21, 2, 11, 0)
  card(22, 2, 11, 1)
  note(3, 'Hh&3', 100, '', ['&lt;script&gt;alert(1)&lt;/script&gt; <script>steal()</script>Plain <i>front</i> &amp; more', 'Back'])
  card(31, 3, 11, 0)
  for (const [id, cid] of [
    [1, 11],
    [2, 11],
    [3, 21]
  ] as const)
    db.run('insert into revlog values (?,?,?,?,?,?,?,?,?)', [id, cid, 0, 3, 5, 1, 2500, 8000, 1])
  const bytes = db.export()
  db.close()
  return bytes
}

/** An .apkg as Anki 2.1.50+ exports it: the stub collection.anki2, the real collection.anki21b, meta, media and one media file. */
export async function newStyleApkg(): Promise<Uint8Array> {
  return zipSync({
    'collection.anki2': strToU8('stub: please update Anki'),
    'collection.anki21b': zstdStored(await schema18Collection()),
    meta: new Uint8Array([0x08, 0x03]),
    media: zstdStored(new Uint8Array([0x0a, 0x00])),
    '0': strToU8('fake jpeg bytes')
  })
}

/** Sets every size field (local headers and central directory) of a stored zip's entries to `claim`. */
export function claimSizes(zip: Uint8Array, claim: number, which: 'original' | 'both' = 'original'): Uint8Array {
  const out = zip.slice()
  const view = new DataView(out.buffer)
  for (let i = 0; i + 46 <= out.length; i++) {
    const sig = view.getUint32(i, true)
    if (sig === 0x04034b50) {
      view.setUint32(i + 22, claim, true)
      if (which === 'both') view.setUint32(i + 18, claim, true)
    } else if (sig === 0x02014b50) {
      view.setUint32(i + 24, claim, true)
      if (which === 'both') view.setUint32(i + 20, claim, true)
    }
  }
  return out
}

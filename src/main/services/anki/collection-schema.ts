// Why: Anki 2.1+ and AnkiDroid still import the classic collection (schema 11):
// five tables, with the note types, decks and deck options as JSON in the one
// `col` row. Written out here once, as Anki's own schema11.sql has it, so the
// writer only fills rows.

export const SCHEMA_11 = `
create table col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null,
  dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
create table notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null,
  tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null);
create table cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null,
  usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null,
  flags integer not null, data text not null);
create table revlog (id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null,
  lastIvl integer not null, factor integer not null, time integer not null, type integer not null);
create table graves (usn integer not null, oid integer not null, type integer not null);
create index ix_notes_usn on notes (usn);
create index ix_cards_usn on cards (usn);
create index ix_revlog_usn on revlog (usn);
create index ix_cards_nid on cards (nid);
create index ix_cards_sched on cards (did, queue, due);
create index ix_revlog_cid on revlog (cid);
create index ix_notes_csum on notes (csum);
`

export interface CollectionIds {
  basicModel: number
  clozeModel: number
  deck: number
  /** Seconds since the epoch. */
  now: number
}

const CSS =
  '.card { font-family: arial; font-size: 20px; text-align: left; color: black; background-color: white; }\n.cloze { font-weight: bold; color: blue; }'
const LATEX_PRE =
  '\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n'

const field = (name: string, ord: number) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20, media: [] })
const template = (name: string, ord: number, qfmt: string, afmt: string) => ({ name, ord, qfmt, afmt, did: null, bqfmt: '', bafmt: '' })

function model(id: number, name: string, type: 0 | 1, fields: string[], tmpl: ReturnType<typeof template>, ids: CollectionIds) {
  return {
    id,
    name,
    type,
    mod: ids.now,
    usn: -1,
    sortf: 0,
    did: ids.deck,
    tmpls: [tmpl],
    flds: fields.map(field),
    css: CSS,
    latexPre: LATEX_PRE,
    latexPost: '\\end{document}',
    latexsvg: false,
    req: [[0, 'any', [0]]],
    tags: [],
    vers: []
  }
}

const deck = (id: number, name: string, now: number) => ({
  id,
  name,
  mod: now,
  usn: -1,
  lrnToday: [0, 0],
  revToday: [0, 0],
  newToday: [0, 0],
  timeToday: [0, 0],
  collapsed: false,
  browserCollapsed: false,
  desc: '',
  dyn: 0,
  conf: 1,
  extendNew: 0,
  extendRev: 0
})

/** The `col` row: conf, models, decks and dconf as Anki 2.1 writes them for a fresh collection. */
export function colRow(deckName: string, ids: CollectionIds): (string | number)[] {
  const models = {
    [ids.basicModel]: model(
      ids.basicModel,
      'Basic',
      0,
      ['Front', 'Back'],
      template('Card 1', 0, '{{Front}}', '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}'),
      ids
    ),
    [ids.clozeModel]: model(
      ids.clozeModel,
      'Cloze',
      1,
      ['Text', 'Back Extra'],
      template('Cloze', 0, '{{cloze:Text}}', '{{cloze:Text}}<br>\n{{Back Extra}}'),
      ids
    )
  }
  const decks = { 1: deck(1, 'Default', ids.now), [ids.deck]: deck(ids.deck, deckName, ids.now) }
  const dconf = {
    1: {
      id: 1,
      name: 'Default',
      mod: 0,
      usn: 0,
      maxTaken: 60,
      autoplay: true,
      timer: 0,
      replayq: true,
      dyn: false,
      new: { bury: true, delays: [1, 10], initialFactor: 2500, ints: [1, 4, 7], order: 1, perDay: 20, separate: true },
      lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 },
      rev: { bury: true, ease4: 1.3, fuzz: 0.05, ivlFct: 1, maxIvl: 36500, minSpace: 1, perDay: 200 }
    }
  }
  const conf = {
    activeDecks: [ids.deck],
    curDeck: ids.deck,
    newSpread: 0,
    collapseTime: 1200,
    timeLim: 0,
    estTimes: true,
    dueCounts: true,
    curModel: ids.basicModel,
    nextPos: 1,
    sortType: 'noteFld',
    sortBackwards: false,
    addToCur: true
  }
  return [
    1,
    ids.now,
    ids.now * 1000,
    ids.now * 1000,
    11,
    0,
    0,
    0,
    JSON.stringify(conf),
    JSON.stringify(models),
    JSON.stringify(decks),
    JSON.stringify(dconf),
    '{}'
  ]
}
